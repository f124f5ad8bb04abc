package de.sipa.places;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** Linking a place's measures to decisions, action items, topics and patrols, and the place to agenda items. */
@Controller
@RequestMapping("/orte/{id}/konzept")
class MeasureLinkController {

    private final MeasureLinks links;
    private final MessageSource messages;

    MeasureLinkController(MeasureLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    @PostMapping("/massnahmen/{measure}/verweise")
    String link(@PathVariable UUID id, @PathVariable UUID measure, @RequestParam(required = false) MeasureLinkKind kind,
            @RequestParam(defaultValue = "") String target, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "measureLink.added",
                () -> links.link(new PlaceId(id), new MeasureId(measure), kind, target),
                "/orte/" + id + "/konzept/massnahmen/" + measure);
    }

    @PostMapping("/massnahmen/{measure}/verweise/{link}/loeschen")
    String unlink(@PathVariable UUID id, @PathVariable UUID measure, @PathVariable UUID link,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "measureLink.removed",
                () -> links.unlink(new PlaceId(id), new MeasureId(measure), link),
                "/orte/" + id + "/konzept/massnahmen/" + measure);
    }

    @PostMapping("/tagesordnung")
    String linkAgendaItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String target,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "measureLink.added",
                () -> links.linkAgendaItem(new PlaceId(id), target), "/orte/" + id + "/konzept");
    }

    @PostMapping("/tagesordnung/{link}/loeschen")
    String unlinkAgendaItem(@PathVariable UUID id, @PathVariable UUID link, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "measureLink.removed",
                () -> links.unlinkAgendaItem(new PlaceId(id), link), "/orte/" + id + "/konzept");
    }
}
