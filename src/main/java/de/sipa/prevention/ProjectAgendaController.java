package de.sipa.prevention;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** Links a project to the agenda items of meetings that dealt with it, and removes such links. */
@Controller
class ProjectAgendaController {

    private final ProjectMeetings projectMeetings;
    private final MessageSource messages;

    ProjectAgendaController(ProjectMeetings projectMeetings, MessageSource messages) {
        this.projectMeetings = projectMeetings;
        this.messages = messages;
    }

    @PostMapping("/praevention/{id}/tagesordnung")
    @PreAuthorize(PreventionPermissions.EDIT)
    String link(@PathVariable UUID id, @RequestParam(defaultValue = "") String target, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "prevention.agenda.linked",
                () -> projectMeetings.link(new ProjectId(id), target), "/praevention/" + id + "#meetings");
    }

    @PostMapping("/praevention/{id}/tagesordnung/{link}/loeschen")
    @PreAuthorize(PreventionPermissions.EDIT)
    String unlink(@PathVariable UUID id, @PathVariable UUID link, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "prevention.agenda.unlinked",
                () -> projectMeetings.unlink(new ProjectId(id), link), "/praevention/" + id + "#meetings");
    }
}
