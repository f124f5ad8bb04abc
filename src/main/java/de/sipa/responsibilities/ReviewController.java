package de.sipa.responsibilities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/reviews")
class ReviewController {

    private final Reviews reviews;
    private final Responsibilities responsibilities;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    ReviewController(Reviews reviews, Responsibilities responsibilities, Organisations organisations,
            Partnerships partnerships, MessageSource messages, Clock clock) {
        this.reviews = reviews;
        this.responsibilities = responsibilities;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, Model model) {
        // "waiting": all rounds not closed yet; a status name: the rounds in it; nothing: all rounds.
        model.addAttribute("reviews", state == null || state.isBlank() ? reviews.all()
                : reviews.inStatus(state.equals("waiting") ? null : status(state)));
        model.addAttribute("state", state);
        return "responsibilities/reviews";
    }

    @GetMapping("/new")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String createForm(Model model) {
        return form(model, new ReviewForm("", LocalDate.now(clock).plusWeeks(4), List.of(), List.of()));
    }

    @PostMapping
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String open(@Valid @ModelAttribute("review") ReviewForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form);
        }
        try {
            var id = reviews.open(form);
            redirect.addFlashAttribute("success", "review.opened");
            return "redirect:/reviews/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, form);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var review = reviews.get(new ReviewId(id));
        var items = reviews.items(review.id());
        var user = CurrentUser.get();
        model.addAttribute("review", review);
        model.addAttribute("items", items);
        model.addAttribute("mine", items.stream().filter(i -> user.belongsTo(i.organisation())).toList());
        model.addAttribute("progress", reviews.progress(review.id()));
        model.addAttribute("proposals", reviews.proposals(review.id()));
        model.addAttribute("adopted", reviews.proposals(review.id()).stream().map(Proposal::item)
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("topics", responsibilities.topics());
        model.addAttribute("timeWindows", responsibilities.timeWindows());
        model.addAttribute("answers", ReviewAnswer.values());
        model.addAttribute("responsibilities", Responsibility.values());
        MatrixNames.addTo(model, responsibilities.matrix(), organisations.all());
        return "responsibilities/review";
    }

    @PostMapping("/{id}/items/{item}/answer")
    String answer(@PathVariable UUID id, @PathVariable UUID item, @Valid AnswerForm form, BindingResult result,
            RedirectAttributes redirect) {
        return act(id, redirect, "review.answered.saved", () -> {
            if (result.hasErrors()) {
                throw new RuleViolationException("review.answer.invalid");
            }
            reviews.answer(new ReviewId(id), item, form);
        });
    }

    @PostMapping("/{id}/items/{item}/adopt")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String adopt(@PathVariable UUID id, @PathVariable UUID item, RedirectAttributes redirect) {
        return act(id, redirect, "review.adopted", () -> reviews.adopt(new ReviewId(id), item));
    }

    @PostMapping("/{id}/proposals")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String propose(@PathVariable UUID id, @Valid ProposalForm form, BindingResult result,
            RedirectAttributes redirect) {
        return act(id, redirect, "review.proposed", () -> {
            if (result.hasErrors()) {
                throw new RuleViolationException("review.proposal.invalid");
            }
            reviews.propose(new ReviewId(id), form);
        });
    }

    @PostMapping("/{id}/proposals/{proposal}/withdraw")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String withdraw(@PathVariable UUID id, @PathVariable UUID proposal, RedirectAttributes redirect) {
        return act(id, redirect, "review.withdrawn", () -> reviews.withdraw(new ReviewId(id), proposal));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "review.submitted", () -> reviews.submit(new ReviewId(id)));
    }

    @PostMapping("/{id}/proposals/{proposal}/decide")
    @PreAuthorize(ResponsibilityPermissions.DECIDE)
    String decide(@PathVariable UUID id, @PathVariable UUID proposal, @RequestParam boolean approved,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(id, redirect, approved ? "review.approved" : "review.rejected",
                () -> reviews.decide(new ReviewId(id), proposal, approved, note));
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    String apply(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "review.applied", () -> reviews.apply(new ReviewId(id)));
    }

    /** Runs a step of the review and returns to its page, with the outcome or the reason it was refused. */
    private String act(UUID id, RedirectAttributes redirect, String success, Runnable step) {
        return FlashSteps.runAndShow(redirect, messages, success, step, "/reviews/" + id);
    }

    private String form(Model model, ReviewForm form) {
        model.addAttribute("review", form);
        model.addAttribute("topics", responsibilities.topics().stream().filter(Topic::active).toList());
        model.addAttribute("districts", partnerships.districts());
        return "responsibilities/review-form";
    }

    private static ReviewStatus status(String state) {
        try {
            return ReviewStatus.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("review.state.unknown", state);
        }
    }
}
