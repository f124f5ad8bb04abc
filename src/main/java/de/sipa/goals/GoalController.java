package de.sipa.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

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
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The yearly goals: the list of a year with progress bars, a goal with its indicator's course, the goal form. */
@Controller
@RequestMapping("/ziele")
class GoalController {

    private final Goals goals;
    private final Categories categories;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    GoalController(Goals goals, Categories categories, Partnerships partnerships, Organisations organisations,
            MessageSource messages, Clock clock) {
        this.goals = goals;
        this.categories = categories;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("maySetGoals")
    boolean maySetGoals() {
        return CurrentUser.find().map(u -> u.coordinates() || u.role() == de.sipa.identity.Role.STEERING).orElse(false);
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int selected = year == null || year < 2000 || year > 2100 ? thisYear : year;
        var years = new java.util.TreeSet<Integer>(java.util.Comparator.reverseOrder());
        years.addAll(goals.years());
        years.add(thisYear);
        years.add(selected);
        model.addAttribute("year", selected);
        model.addAttribute("years", years);
        model.addAttribute("progress", goals.progress(CurrentUser.partnership(), selected));
        model.addAttribute("owners", organisations.byId());
        return "goals/list";
    }

    @GetMapping("/neu")
    @PreAuthorize(GoalPermissions.SET)
    String newGoal(@RequestParam(required = false) Integer year, Model model) {
        return form(model, null, GoalForm.empty(year == null ? LocalDate.now(clock).getYear() : year));
    }

    @PostMapping("/neu")
    @PreAuthorize(GoalPermissions.SET)
    String create(@ModelAttribute("goal") GoalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, null, form);
        }
        try {
            var id = goals.set(draft);
            redirect.addFlashAttribute("success", "annualGoal.saved");
            return "redirect:/ziele/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, null, form);
        }
    }

    @GetMapping("/{id}")
    String goal(@PathVariable UUID id, Model model, Locale locale) {
        var goalId = new AnnualGoalId(id);
        var progress = goals.progress(goalId);
        model.addAttribute("p", progress);
        model.addAttribute("chart", GoalChart.of(progress.goal(), goals.course(goalId), locale));
        model.addAttribute("owner", progress.goal().owner() == null ? null
                : organisations.get(progress.goal().owner()).name());
        model.addAttribute("district", progress.goal().district() == null ? null
                : partnerships.district(progress.goal().district()).name());
        model.addAttribute("category", progress.goal().category() == null ? null
                : categories.all().stream().filter(c -> c.id().value().equals(progress.goal().category()))
                        .map(c -> c.name()).findFirst().orElse(null));
        return "goals/goal";
    }

    @GetMapping("/{id}/bearbeiten")
    @PreAuthorize(GoalPermissions.SET)
    String edit(@PathVariable UUID id, Model model) {
        var goal = goals.goal(new AnnualGoalId(id));
        return form(model, goal, GoalForm.of(goal));
    }

    @PostMapping("/{id}/bearbeiten")
    @PreAuthorize(GoalPermissions.SET)
    String change(@PathVariable UUID id, @ModelAttribute("goal") GoalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var goal = goals.goal(new AnnualGoalId(id));
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, goal, form);
        }
        try {
            goals.change(goal.id(), draft);
            redirect.addFlashAttribute("success", "annualGoal.saved");
            return "redirect:/ziele/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, goal, form);
        }
    }

    @PostMapping("/{id}/loeschen")
    @PreAuthorize(GoalPermissions.SET)
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        var year = goals.goal(new AnnualGoalId(id)).year();
        return FlashSteps.runAndShow(redirect, messages, "annualGoal.deleted",
                () -> goals.delete(new AnnualGoalId(id)), "/ziele?year=" + year);
    }

    private String form(Model model, AnnualGoal existing, GoalForm form) {
        model.addAttribute("goal", form);
        model.addAttribute("existing", existing);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("offenceGroups", goals.offenceGroups());
        model.addAttribute("organisations", organisations.all());
        return "goals/form";
    }

    /**
     * The draft, or {@code null} with every problem next to its field: the checks that need no database all at once
     * (the rest comes from {@link Goals}).
     */
    private static GoalDraft draft(GoalForm form, BindingResult result) {
        Integer year = integer(form.year());
        if (year == null) {
            result.rejectValue("year", "annualGoal.year.invalid");
        }
        if (form.title() == null || form.title().isBlank()) {
            result.rejectValue("title", "annualGoal.title.required");
        } else if (form.title().strip().length() > Goals.MAX_TITLE) {
            result.rejectValue("title", "annualGoal.title.tooLong", new Object[] {Goals.MAX_TITLE}, null);
        }
        if (form.description() != null && form.description().strip().length() > Goals.MAX_DESCRIPTION) {
            result.rejectValue("description", "annualGoal.description.tooLong", new Object[] {Goals.MAX_DESCRIPTION},
                    null);
        }
        Indicator indicator = null;
        try {
            indicator = Indicator.valueOf(form.indicator() == null ? "" : form.indicator());
        } catch (IllegalArgumentException e) {
            result.rejectValue("indicator", "annualGoal.indicator.required");
        }
        Integer days = integer(form.workingDays());
        if (indicator == Indicator.ANSWERED_WITHIN && (days == null || days < 1 || days > Goals.MAX_WORKING_DAYS)) {
            result.rejectValue("workingDays", "annualGoal.workingDays.invalid", new Object[] {Goals.MAX_WORKING_DAYS},
                    null);
        }
        BigDecimal measured = null;
        if (indicator == Indicator.MEASURED && form.measured() != null && !form.measured().isBlank()) {
            measured = number(form.measured());
            if (measured == null) {
                result.rejectValue("measured", "annualGoal.measured.invalid");
            }
        }
        var baseline = number(form.baseline());
        if (baseline == null) {
            result.rejectValue("baseline", "annualGoal.baseline.required");
        }
        var target = number(form.target());
        if (target == null) {
            result.rejectValue("target", "annualGoal.target.required");
        }
        Direction direction = null;
        try {
            direction = Direction.valueOf(form.direction() == null ? "" : form.direction());
        } catch (IllegalArgumentException e) {
            result.rejectValue("direction", "annualGoal.direction.required");
        }
        var category = uuid(form.categoryId());
        var district = uuid(form.districtId());
        var owner = uuid(form.ownerId());
        if (result.hasErrors()) {
            return null;
        }
        return new GoalDraft(year, form.title(), form.description(), indicator, days, category,
                district == null ? null : new DistrictId(district),
                form.offenceGroup() == null || form.offenceGroup().isBlank() ? null : form.offenceGroup(), measured,
                baseline, target, direction, owner == null ? null : new OrganisationId(owner));
    }

    private static Integer integer(String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as typed, with a decimal comma or point; {@code null} if it is none. */
    static BigDecimal number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            var text = typed.strip();
            var value = new BigDecimal(text.contains(",") ? text.replace(".", "").replace(',', '.') : text);
            return value.abs().compareTo(Goals.MAX_VALUE) > 0 || value.scale() > 2 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A refusal next to the field it concerns, else above the form. */
    private static void reject(BindingResult result, RuleViolationException e) {
        var parts = e.messageKey().split("\\.");
        var field = parts.length == 3 ? switch (parts[1]) {
            case "year", "title", "description", "indicator", "workingDays", "offenceGroup", "baseline", "target",
                    "direction" -> parts[1];
            default -> null;
        } : null;
        if (field == null) {
            result.reject(e.messageKey(), e.arguments(), null);
        } else {
            result.rejectValue(field, e.messageKey(), e.arguments(), null);
        }
    }
}
