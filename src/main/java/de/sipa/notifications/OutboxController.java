package de.sipa.notifications;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class OutboxController {

    private final Notifications notifications;

    OutboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/outbox")
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("mails", notifications.outbox(PageRequest.of(Math.max(page, 0), 25)));
        return "notifications/outbox";
    }
}
