package de.sipa.operations;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.CalendarFeeds;
import de.sipa.shared.NotFoundException;

@Controller
class PatrolCalendarController {

    private final PatrolCalendar calendar;
    private final People people;
    private final BaseUrl baseUrl;

    PatrolCalendarController(PatrolCalendar calendar, People people, BaseUrl baseUrl) {
        this.calendar = calendar;
        this.people = people;
        this.baseUrl = baseUrl;
    }

    /** The subscription URL of a person's patrols, for their organisation to hand on. */
    @GetMapping("/patrols/people/{id}/calendar")
    @PreAuthorize(OperationPermissions.STAFF)
    String subscription(@PathVariable UUID id, Model model) {
        var person = new PersonId(id);
        model.addAttribute("person", people.get(person));
        model.addAttribute("url", UriComponentsBuilder.fromUriString(baseUrl.link("/kalender/streifen/{token}.ics"))
                .buildAndExpand(calendar.token(person)).toUriString());
        return "operations/patrols/calendar";
    }

    @PostMapping("/patrols/people/{id}/calendar/renew")
    @PreAuthorize(OperationPermissions.STAFF)
    String renew(@PathVariable UUID id, RedirectAttributes redirect) {
        calendar.renewToken(new PersonId(id));
        redirect.addFlashAttribute("success", "calendar.renewed");
        return "redirect:/patrols/people/" + id + "/calendar";
    }

    /** The feed itself: public, the token is the secret. */
    @GetMapping("/kalender/streifen/{token}.ics")
    ResponseEntity<String> ics(@PathVariable UUID token) {
        return CalendarFeeds.response(calendar.feed(token).orElseThrow(() -> new NotFoundException("Calendar", token)));
    }
}
