package de.sipa.responsibilities;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Organisations;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/topics")
class TopicController {

    private final Responsibilities responsibilities;
    private final Organisations organisations;
    private final MessageSource messages;

    TopicController(Responsibilities responsibilities, Organisations organisations, MessageSource messages) {
        this.responsibilities = responsibilities;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("topics", responsibilities.topics());
        model.addAttribute("timeWindows", responsibilities.timeWindows());
        return "responsibilities/topics";
    }

    @GetMapping("/new")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String createForm(Model model) {
        return form(model, TopicDetails.empty(), null);
    }

    @PostMapping
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String create(@Valid @ModelAttribute("topic") TopicDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, details, null);
        }
        try {
            var id = responsibilities.createTopic(details);
            redirect.addFlashAttribute("success", "topic.created");
            return "redirect:/topics/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, null);
        }
    }

    /** A topic with its entries: who leads, supports, is informed, where and when. */
    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var topic = responsibilities.topic(new TopicId(id));
        var matrix = responsibilities.matrix();
        model.addAttribute("topic", topic);
        model.addAttribute("entries", matrix.entriesOf(topic.id()));
        model.addAttribute("findings", responsibilities.findings().stream()
                .filter(f -> f.topic().equals(topic.id())).toList());
        MatrixNames.addTo(model, matrix, organisations.all());
        return "responsibilities/topic";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String editForm(@PathVariable UUID id, Model model) {
        var topic = responsibilities.topic(new TopicId(id));
        return form(model, topic.details(), topic.id());
    }

    @PostMapping("/{id}")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("topic") TopicDetails details, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var topicId = new TopicId(id);
        if (result.hasErrors()) {
            return form(model, details, topicId);
        }
        try {
            responsibilities.updateTopic(topicId, details);
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, topicId);
        }
        redirect.addFlashAttribute("success", "topic.updated");
        return "redirect:/topics/" + id;
    }

    @PostMapping("/time-windows")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String createTimeWindow(@Valid @ModelAttribute("timeWindow") TimeWindowDetails details, BindingResult result,
            RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw new RuleViolationException("timeWindow.invalid");
            }
            responsibilities.createTimeWindow(details);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/topics";
        }
        redirect.addFlashAttribute("success", "timeWindow.created");
        return "redirect:/topics";
    }

    private String form(Model model, TopicDetails details, TopicId id) {
        model.addAttribute("topic", details);
        model.addAttribute("topicId", id);
        return "responsibilities/topic-form";
    }
}
