package de.sipa.meetings;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** The minutes' steps from the meeting page: write, circulate, comment, approve, correct. */
@Controller
@RequestMapping("/meetings/{id}/minutes")
class MinutesController {

    private static final String MINUTES = "minutes-";

    private final MeetingMinutes minutes;
    private final MessageSource messages;

    MinutesController(MeetingMinutes minutes, MessageSource messages) {
        this.minutes = minutes;
        this.messages = messages;
    }

    /** One text per agenda item, named after the item. */
    @PostMapping
    @PreAuthorize(MeetingPermissions.PLAN)
    String writeMinutes(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var texts = form.entrySet().stream().filter(field -> field.getKey().startsWith(MINUTES))
                .collect(Collectors.toMap(field -> UUID.fromString(field.getKey().substring(MINUTES.length())),
                        Map.Entry::getValue));
        return step(id, redirect, "minutes.saved", () -> minutes.write(new MeetingId(id), texts));
    }

    @PostMapping("/circulate")
    @PreAuthorize(MeetingPermissions.PLAN)
    String circulateMinutes(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, "minutes.circulated", () -> minutes.circulate(new MeetingId(id)));
    }

    @PostMapping("/comments")
    String commentMinutes(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return step(id, redirect, "minutes.commented", () -> minutes.comment(new MeetingId(id), text));
    }

    @PostMapping("/approve")
    @PreAuthorize(MeetingPermissions.PLAN)
    String approveMinutes(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, "minutes.approvedNow", () -> minutes.approve(new MeetingId(id)));
    }

    @PostMapping("/correct")
    @PreAuthorize(MeetingPermissions.PLAN)
    String correctMinutes(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return step(id, redirect, "minutes.correcting", () -> minutes.correct(new MeetingId(id), reason));
    }

    private String step(UUID id, RedirectAttributes redirect, String success, Runnable action) {
        return FlashSteps.runAndShow(redirect, messages, success, action, "/meetings/" + id);
    }
}
