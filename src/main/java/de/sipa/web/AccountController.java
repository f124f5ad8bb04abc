package de.sipa.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.IdentityPermissions;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.partners.Organisations;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The coordinator's list of accounts; it joins identity's accounts with the partners' organisation names. */
@Controller
@RequestMapping("/accounts")
class AccountController {

    /** Roles a coordinator may give; administrators are made by the installation, not by a partnership. */
    private static final List<Role> ROLES = List.of(Role.PARTNER, Role.STEERING, Role.COORDINATOR);

    private final Accounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;

    AccountController(Accounts accounts, Organisations organisations, MessageSource messages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    String list(Model model) {
        return page(model, AccountForm.empty());
    }

    @PostMapping
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    String open(@Valid @ModelAttribute("account") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && !ROLES.contains(form.role())) {
            result.rejectValue("role", "account.role.invalid");
        }
        if (result.hasErrors()) {
            return page(model, form);
        }
        try {
            var organisation = organisations.get(new OrganisationId(form.organisationId()));
            accounts.open(new NewAccount(CurrentUser.partnership(), organisation.id(), form.username().strip(),
                    form.displayName().strip(), form.email(), form.password(), form.role()));
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return page(model, form);
        }
        redirect.addFlashAttribute("success", "account.created");
        return "redirect:/accounts";
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled);
        redirect.addFlashAttribute("success", enabled ? "account.enabled" : "account.disabled");
        return "redirect:/accounts";
    }

    @PostMapping("/{id}/role")
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    String changeRole(@PathVariable UUID id, @RequestParam Role role, RedirectAttributes redirect) {
        if (!ROLES.contains(role)) {
            redirect.addFlashAttribute("problem", messages.getMessage("account.role.invalid", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/accounts";
        }
        try {
            accounts.changeRole(id, role);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/accounts";
        }
        redirect.addFlashAttribute("success", "account.role.changed");
        return "redirect:/accounts";
    }

    private String page(Model model, AccountForm form) {
        model.addAttribute("accounts", accounts.ofMyPartnership());
        model.addAttribute("organisations", organisations.byId());
        model.addAttribute("account", form);
        model.addAttribute("roles", ROLES);
        return "web/accounts";
    }
}
