package de.sipa.meetings;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
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

import de.sipa.partners.Bodies;
import de.sipa.partners.BodyId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/** The year plan of a body's regular meetings: form, preview, confirmation, and the series' list of dates. */
@Controller
@RequestMapping("/meetings/series")
class YearPlanController {

    private final YearPlanning planning;
    private final Bodies bodies;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    YearPlanController(YearPlanning planning, Bodies bodies, Partnerships partnerships, MessageSource messages,
            Clock clock) {
        this.planning = planning;
        this.bodies = bodies;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    /** From October on the next year is proposed, before that the current one. */
    @GetMapping("/new")
    @PreAuthorize(MeetingPermissions.PLAN)
    String createForm(@RequestParam(required = false) UUID body, Model model) {
        var today = LocalDate.now(clock);
        var title = body == null ? "" : bodies.get(new BodyId(body)).name();
        return form(model, new YearPlan(body, today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear(),
                title, SeriesRule.Frequency.QUARTERLY, 2, DayOfWeek.TUESDAY, 1, 4, null, LocalTime.of(14, 0), 120,
                "", HolidayHandling.SHIFT));
    }

    @PostMapping("/preview")
    @PreAuthorize(MeetingPermissions.PLAN)
    String preview(@Valid @ModelAttribute("plan") YearPlan plan, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return form(model, plan);
        }
        try {
            var dates = planning.preview(plan);
            model.addAttribute("preview", dates);
            model.addAttribute("plannedCount", dates.stream().filter(SeriesDate::planned).count());
            model.addAttribute("busy", planning.daysWithMeetings(new BodyId(plan.bodyId()), plan.year()));
            model.addAttribute("federalState",
                    messages.getMessage(partnerships.mine().federalState().labelKey(), null, locale));
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
        }
        return form(model, plan);
    }

    @PostMapping
    @PreAuthorize(MeetingPermissions.PLAN)
    String plan(@Valid @ModelAttribute("plan") YearPlan plan, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, plan);
        }
        try {
            var id = planning.plan(plan);
            redirect.addFlashAttribute("success", "series.planned");
            redirect.addFlashAttribute("imported", planning.meetings(id).size());
            return "redirect:/meetings/series/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, plan);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        var series = planning.get(new MeetingSeriesId(id));
        model.addAttribute("series", series);
        model.addAttribute("body", bodies.get(series.body()));
        model.addAttribute("rule", describe(series.rule(), messages, locale));
        model.addAttribute("meetings", planning.meetings(series.id()));
        model.addAttribute("zone", clock.getZone());
        return "meetings/series";
    }

    /** "am zweiten Dienstag im ersten Monat jedes Quartals" in the user's language. */
    static String describe(SeriesRule rule, MessageSource messages, Locale locale) {
        var weekday = messages.getMessage("series.day." + rule.weekday(), null, locale);
        Object[] arguments = switch (rule.frequency()) {
            case MONTHLY -> new Object[] {ordinal(rule.ordinal(), messages, locale), weekday};
            case QUARTERLY -> new Object[] {ordinal(rule.ordinal(), messages, locale), weekday,
                    ordinal(rule.monthOfQuarter(), messages, locale)};
            case WEEKS -> new Object[] {String.valueOf(rule.everyWeeks()), weekday,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(rule.startOn())};
        };
        return messages.getMessage("series.rule." + rule.frequency(), arguments, locale);
    }

    private static String ordinal(int ordinal, MessageSource messages, Locale locale) {
        return messages.getMessage("series.ordinal." + ordinal, null, locale);
    }

    private String form(Model model, YearPlan plan) {
        model.addAttribute("plan", plan);
        model.addAttribute("bodies", bodies.all());
        model.addAttribute("frequencies", SeriesRule.Frequency.values());
        model.addAttribute("ordinals", new int[] {1, 2, 3, 4, -1});
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("holidayHandlings", HolidayHandling.values());
        return "meetings/series-form";
    }
}
