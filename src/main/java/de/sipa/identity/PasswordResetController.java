package de.sipa.identity;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.shared.RuleViolationException;

/**
 * "Forgot your password": a link by e-mail that sets a new one. The answer to the request is the same whether or
 * not the account exists.
 */
@Controller
class PasswordResetController {

    private final Credentials credentials;
    private final MessageSource messages;

    PasswordResetController(Credentials credentials, MessageSource messages) {
        this.credentials = credentials;
        this.messages = messages;
    }

    @GetMapping("/login/reset")
    String requestForm() {
        return "identity/reset-request";
    }

    @PostMapping("/login/reset")
    String request(@RequestParam(defaultValue = "") String name) {
        credentials.requestReset(name);
        return "redirect:/login/reset?sent";
    }

    @GetMapping("/login/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", credentials.resetUsable(token));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/reset-form";
    }

    @PostMapping("/login/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model) {
        try {
            if (!password.equals(repeat)) {
                throw new RuleViolationException("password.repeat.mismatch");
            }
            credentials.reset(token, password);
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return resetForm(token, model);
        }
        return "redirect:/login?reset";
    }
}
