package de.sipa.meetings;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.shared.BaseUrl;
import de.sipa.shared.CalendarFeeds;
import de.sipa.shared.NotFoundException;

@Controller
class CalendarFeedController {

    private final CalendarFeed feed;
    private final BaseUrl baseUrl;

    CalendarFeedController(CalendarFeed feed, BaseUrl baseUrl) {
        this.feed = feed;
        this.baseUrl = baseUrl;
    }

    /** The user's page with the subscription URL. */
    @GetMapping("/calendar")
    String subscription(Model model) {
        model.addAttribute("url", UriComponentsBuilder.fromUriString(baseUrl.link("/kalender/{token}.ics"))
                .buildAndExpand(feed.token()).toUriString());
        return "meetings/calendar";
    }

    @PostMapping("/calendar/renew")
    String renew(RedirectAttributes redirect) {
        feed.renewToken();
        redirect.addFlashAttribute("success", "calendar.renewed");
        return "redirect:/calendar";
    }

    /** The feed itself: public, the token is the secret. */
    @GetMapping("/kalender/{token}.ics")
    ResponseEntity<String> ics(@PathVariable UUID token) {
        return CalendarFeeds.response(feed.feed(token).orElseThrow(() -> new NotFoundException("Calendar", token)));
    }
}
