package de.sipa.reports;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

import de.sipa.identity.CurrentUser;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Topic;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/**
 * The coordination's page of report categories: list, new, change, retire and offer again. A question row is
 * added, removed or moved by a button that sends the whole form back (works without JavaScript).
 */
@Controller
@RequestMapping("/reports/categories")
class CategoryController {

    private final Categories categories;
    private final Responsibilities responsibilities;
    private final MessageSource messages;

    CategoryController(Categories categories, Responsibilities responsibilities, MessageSource messages) {
        this.categories = categories;
        this.responsibilities = responsibilities;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("categories", categories.catalogue());
        model.addAttribute("topicNames", responsibilities.topics().stream()
                .collect(Collectors.toMap(Topic::id, Topic::name)));
        model.addAttribute("mayManage", CurrentUser.get().coordinates());
        return "reports/categories";
    }

    @GetMapping("/new")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String createForm(Model model) {
        return form(model, null, CategoryForm.empty());
    }

    @PostMapping
    @PreAuthorize(ReportPermissions.COORDINATE)
    String create(@ModelAttribute("category") CategoryForm form, BindingResult result,
            @RequestParam(required = false) String row, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(null, form, result, row, model, response, redirect);
    }

    @GetMapping("/{id}")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String editForm(@PathVariable UUID id, Model model) {
        var category = categories.get(new CategoryId(id));
        return form(model, category, CategoryForm.of(category));
    }

    @PostMapping("/{id}")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String update(@PathVariable UUID id, @ModelAttribute("category") CategoryForm form, BindingResult result,
            @RequestParam(required = false) String row, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(categories.get(new CategoryId(id)), form, result, row, model, response, redirect);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String retire(@PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "category.retired",
                () -> categories.retire(new CategoryId(id)), "/reports/categories");
    }

    @PostMapping("/{id}/offer")
    @PreAuthorize(ReportPermissions.COORDINATE)
    String offerAgain(@PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "category.offeredAgain",
                () -> categories.offerAgain(new CategoryId(id)), "/reports/categories");
    }

    /** Saves the form, or shows it again: after a row button as changed, after mistakes with them named. */
    private String save(Category current, CategoryForm form, BindingResult result, String row, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (row != null) {
            return form(model, current, form.withRows(row));
        }
        var category = form.toCategory(current == null ? CategoryId.random() : current.id());
        if (!result.hasErrors()) {
            var topics = categories.topicsToRouteBy().stream().map(Topic::id).collect(Collectors.toSet());
            CategoryRules.check(Categories.normalised(category), topics)
                    .forEach(p -> result.rejectValue(p.field(), p.key(), p.arguments(), null));
        }
        if (!result.hasErrors()) {
            try {
                if (current == null) {
                    categories.create(category);
                } else {
                    categories.update(category);
                }
                redirect.addFlashAttribute("success", "category.saved");
                return "redirect:/reports/categories";
            } catch (RuleViolationException e) {
                if (e.messageKey().equals("category.code.taken")) {
                    result.rejectValue("code", e.messageKey(), e.arguments(), null);
                } else {
                    result.reject(e.messageKey(), e.arguments(), null);
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, current, form);
    }

    private String form(Model model, Category current, CategoryForm form) {
        var topics = categories.topicsToRouteBy();
        model.addAttribute("category", form);
        model.addAttribute("current", current);
        model.addAttribute("topics", topics.stream()
                .filter(t -> t.active() || current != null && t.id().equals(current.topic())).toList());
        model.addAttribute("types", AttributeType.values());
        return "reports/category-form";
    }
}
