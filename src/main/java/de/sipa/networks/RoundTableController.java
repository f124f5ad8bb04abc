package de.sipa.networks;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** The network's bodies and their meetings: the host keeps them, the members' coordination reads them. */
@Controller
class RoundTableController {

    private final RoundTables roundTables;
    private final Networks networks;
    private final MessageSource messages;
    private final Clock clock;

    RoundTableController(RoundTables roundTables, Networks networks, MessageSource messages, Clock clock) {
        this.roundTables = roundTables;
        this.networks = networks;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/network/bodies")
    @PreAuthorize(NetworkPermissions.READ)
    String bodies(Model model) {
        model.addAttribute("bodies", roundTables.bodies());
        model.addAttribute("hosted", networks.hosted().orElse(null));
        return "networks/bodies";
    }

    @PostMapping("/network/bodies")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String create(@RequestParam String name, @RequestParam(required = false) String purpose,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.body.created",
                () -> roundTables.create(name, purpose), "/network/bodies");
    }

    @GetMapping("/network/bodies/{id}")
    @PreAuthorize(NetworkPermissions.READ)
    String body(@PathVariable UUID id, Model model) {
        var body = roundTables.body(id);
        model.addAttribute("body", body);
        model.addAttribute("networkName", roundTables.networkName(body));
        model.addAttribute("keeps", roundTables.keeps(body));
        model.addAttribute("meetings", roundTables.meetings(id));
        model.addAttribute("members", roundTables.members(id));
        model.addAttribute("now", clock.instant());
        return "networks/body";
    }

    @PostMapping("/network/bodies/{id}/meetings")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String schedule(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) String location, @RequestParam(required = false) String agenda,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.meeting.scheduled",
                () -> roundTables.schedule(id, startsAt == null ? null : startsAt.atZone(clock.getZone()).toInstant(),
                        location, agenda),
                "/network/bodies/" + id);
    }

    @GetMapping("/network/meetings/{id}")
    @PreAuthorize(NetworkPermissions.READ)
    String meeting(@PathVariable UUID id, Model model) {
        var meeting = roundTables.meeting(id);
        var body = roundTables.body(meeting.body());
        model.addAttribute("meeting", meeting);
        model.addAttribute("body", body);
        model.addAttribute("keeps", roundTables.keeps(body));
        model.addAttribute("zone", clock.getZone());
        return "networks/meeting";
    }

    @PostMapping("/network/meetings/{id}/minutes")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String minutes(@PathVariable UUID id, @RequestParam(required = false) String minutes,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.meeting.minutesSaved",
                () -> roundTables.writeMinutes(id, minutes), "/network/meetings/" + id);
    }
}
