package de.sipa.meetings;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** The coordination names the chair's office mailbox that organises the invitations. */
@Controller
@RequestMapping("/meetings/office")
class MeetingOfficeController {

    private final MeetingOffice office;
    private final MessageSource messages;

    MeetingOfficeController(MeetingOffice office, MessageSource messages) {
        this.office = office;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("mailbox", office.mailbox().orElse(""));
        model.addAttribute("maxLength", MeetingOffice.MAX_LENGTH);
        return "meetings/office";
    }

    @PostMapping
    @PreAuthorize(MeetingPermissions.PLAN)
    String change(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "meeting.office.saved", () -> office.change(email),
                "/meetings/office");
    }
}
