package de.sipa.meetings;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.shared.CsvDownload;
import de.sipa.shared.FlashSteps;

/** The follow-up board (Nachverfolgung): open action items across bodies, filtered, exported, reported on. */
@Controller
@RequestMapping("/action-items")
class FollowUpController {

    private final FollowUpBoard board;
    private final Bodies bodies;
    private final Organisations organisations;
    private final People people;
    private final MessageSource messages;
    private final Clock clock;

    FollowUpController(FollowUpBoard board, Bodies bodies, Organisations organisations, People people,
            MessageSource messages, Clock clock) {
        this.board = board;
        this.bodies = bodies;
        this.organisations = organisations;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String board(@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID body,
            @RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) LocalDate dueFrom, @RequestParam(required = false) LocalDate dueTo,
            HttpServletRequest request, Model model) {
        var today = LocalDate.now(clock);
        var query = new FollowUpQuery(owner, body, state, overdue ? today : null, dueFrom, dueTo);
        model.addAttribute("followUps", board.followUps(query));
        model.addAttribute("query", query);
        model.addAttribute("overdue", overdue);
        model.addAttribute("back", "/action-items" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("today", today);
        model.addAttribute("me", CurrentUser.get());
        model.addAttribute("statuses", ActionItemStatus.values());
        MeetingNames.addTo(model, bodies, organisations, people);
        return "meetings/action-items";
    }

    @GetMapping("/export.csv")
    void csv(@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID body,
            @RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) LocalDate dueFrom, @RequestParam(required = false) LocalDate dueTo,
            HttpServletResponse response) throws IOException {
        var query = new FollowUpQuery(owner, body, state, overdue ? LocalDate.now(clock) : null, dueFrom, dueTo);
        CsvDownload.send(response, "arbeitsauftraege.csv", out -> board.exportCsv(query, out));
    }

    @PostMapping("/{id}/progress")
    String progress(@PathVariable UUID id, @RequestParam(required = false) ActionItemStatus status,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "actionItem.progressRecorded",
                () -> board.recordProgress(new ActionItemId(id), status, note));
        // Back to the board as it was filtered, but never to another site.
        return "redirect:" + (back.startsWith("/action-items") && !back.startsWith("/action-items/") ? back
                : "/action-items");
    }
}
