package de.sipa.operations;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;

@Controller
@RequestMapping("/events/{id}/debrief")
class DebriefController {

    private final Debriefs debriefs;
    private final Events events;
    private final Organisations organisations;
    private final People people;
    private final MessageSource messages;

    DebriefController(Debriefs debriefs, Events events, Organisations organisations, People people,
            MessageSource messages) {
        this.debriefs = debriefs;
        this.events = events;
        this.organisations = organisations;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable UUID id, Model model) {
        var event = new EventId(id);
        model.addAttribute("event", events.get(event));
        var notes = debriefs.notes(event);
        var me = CurrentUser.get();
        model.addAttribute("notes", notes);
        // the form holds the organisation's note, since saving it replaces the whole note
        model.addAttribute("myNote", notes.stream().filter(note -> me.belongsTo(note.organisation())).findFirst()
                .orElse(null));
        model.addAttribute("lessons", debriefs.lessons(event));
        model.addAttribute("me", me);
        OperationNames.addTo(model, organisations, people);
        return "operations/events/debrief";
    }

    @PostMapping("/notes")
    @PreAuthorize(OperationPermissions.STAFF)
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String wentWell,
            @RequestParam(defaultValue = "") String wentBadly, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "debrief.noteSaved",
                () -> debriefs.recordNote(new EventId(id), wentWell, wentBadly),
                FlashSteps.typed("wentWell", wentWell, "wentBadly", wentBadly));
        return "redirect:/events/" + id + "/debrief";
    }

    @PostMapping("/lessons")
    @PreAuthorize(OperationPermissions.PLAN)
    String lesson(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) UUID owner, @RequestParam(required = false) LocalDate dueOn,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "debrief.lessonLearned", () -> debriefs.learn(new EventId(id), text,
                owner == null ? null : new OrganisationId(owner), dueOn),
                FlashSteps.typed("lesson", text, "owner", owner, "dueOn", dueOn));
        return "redirect:/events/" + id + "/debrief";
    }
}
