package de.sipa.networks;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** A Land programme's template: its coordination defines it, a member applies it to itself. */
@Controller
class ProgrammeController {

    private final Programmes programmes;
    private final MessageSource messages;

    ProgrammeController(Programmes programmes, MessageSource messages) {
        this.programmes = programmes;
        this.messages = messages;
    }

    @PostMapping("/network/programme")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String define(@RequestParam(required = false) String bodies, @RequestParam(required = false) String categories,
            @RequestParam(required = false) String topics, @RequestParam(required = false) List<String> items,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.programme.saved",
                () -> programmes.define(bodies, categories, topics, items), "/network");
    }

    @PostMapping("/network/{network}/programme/apply")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String apply(@PathVariable UUID network, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.programme.applied",
                () -> programmes.apply(new NetworkId(network)), "/network/sharing");
    }
}
