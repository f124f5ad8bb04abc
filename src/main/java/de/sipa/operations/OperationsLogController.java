package de.sipa.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Organisations;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/**
 * The operations log page. Viewers ask twice a second (htmx polling) for the entries after the last one they have,
 * so that an entry reaches everyone within a second (bench/operations-log.sh); an empty answer is a 204 that htmx
 * leaves alone. Works the same with any number of app instances, since the numbers come from the database. Newest
 * entries first, under the field on top: on a phone what was just written is in view.
 */
@Controller
@RequestMapping("/events/{id}/log")
class OperationsLogController {

    private final OperationsLog log;
    private final Events events;
    private final Organisations organisations;
    private final MessageSource messages;
    private final long pollMillis;

    OperationsLogController(OperationsLog log, Events events, Organisations organisations, MessageSource messages,
            @Value("${sipa.operations.log-poll-interval:500ms}") Duration pollInterval) {
        this.log = log;
        this.events = events;
        this.organisations = organisations;
        this.messages = messages;
        this.pollMillis = pollInterval.toMillis();
    }

    @GetMapping
    String page(@PathVariable UUID id, Model model) {
        var event = new EventId(id);
        model.addAttribute("event", events.get(event));
        model.addAttribute("mayWrite", log.mayWrite(event));
        show(model, event, log.after(event, 0), 0);
        return "operations/events/log";
    }

    /** The entries after {@code since}, with the poller that asks for the next ones; 204 when there are none. */
    @GetMapping("/entries")
    String entries(@PathVariable UUID id, @RequestParam(defaultValue = "0") long since, Model model,
            HttpServletResponse response) {
        var event = new EventId(id);
        var entries = log.after(event, since);
        if (entries.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        show(model, event, entries, since);
        return "operations/events/log :: entries";
    }

    /**
     * Writes an entry. Sent by htmx, the answer is the form alone: empty with a confirmation, or with the refusal and
     * what was typed; the page stays where it is and the viewers' pollers fetch the entry at once. Without htmx the
     * page reloads.
     */
    @PostMapping
    @PreAuthorize(OperationPermissions.STAFF)
    String write(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) Long corrects,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var event = new EventId(id);
        if (htmx == null) {
            FlashSteps.run(redirect, messages, "log.written", () -> log.write(event, text, corrects),
                    FlashSteps.typed("text", text, "corrects", corrects));
            return "redirect:/events/" + id + "/log";
        }
        try {
            log.write(event, text, corrects);
            model.addAttribute("written", true);
            response.setHeader("HX-Trigger", "log-written");
        } catch (RuleViolationException e) {
            model.addAttribute("refusal", e.describe(messages));
            model.addAttribute("input", FlashSteps.typed("text", text, "corrects", corrects));
        }
        model.addAttribute("event", events.get(event));
        model.addAttribute("mayWrite", true);
        model.addAttribute("focus", true);
        return "operations/events/log :: form";
    }

    private void show(Model model, EventId event, List<LogEntry> entries, long since) {
        model.addAttribute("eventId", event);
        var newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        model.addAttribute("entries", newestFirst);
        model.addAttribute("last", entries.isEmpty() ? since : entries.get(entries.size() - 1).number());
        model.addAttribute("pollMillis", pollMillis);
        OperationNames.addTo(model, organisations);
    }
}
