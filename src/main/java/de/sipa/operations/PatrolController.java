package de.sipa.operations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/patrols")
class PatrolController {

    private static final String REQUIRED = "required-";
    /** How far ahead the gap list looks. */
    private static final int GAP_WEEKS = 8;

    private final Patrols patrols;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final MessageSource messages;
    private final Clock clock;

    PatrolController(Patrols patrols, Partnerships partnerships, Organisations organisations, People people,
            MessageSource messages, Clock clock) {
        this.patrols = patrols;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    /** The roster of a week ({@code 2026-W12}, default this week) or of a whole year, optionally of one organisation. */
    @GetMapping
    String roster(@RequestParam(required = false) String week, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) UUID organisation, Locale locale, Model model) {
        var zone = clock.getZone();
        LocalDate from;
        LocalDate to;
        if (year != null) {
            from = LocalDate.of(year, 1, 1);
            to = from.plusYears(1);
        } else {
            from = monday(week);
            to = from.plusWeeks(1);
            model.addAttribute("week", isoWeek(from));
            model.addAttribute("previousWeek", isoWeek(from.minusWeeks(1)));
            model.addAttribute("nextWeek", isoWeek(from.plusWeeks(1)));
        }
        var only = organisation == null ? null : new OrganisationId(organisation);
        model.addAttribute("entries", rows(patrols.roster(from.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant(), only), locale));
        model.addAttribute("from", from);
        model.addAttribute("until", to.minusDays(1));
        model.addAttribute("year", year);
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisations", organisations.all());
        return "operations/patrols/roster";
    }

    /** Open slots from now until a day (default: eight weeks ahead). */
    @GetMapping("/gaps")
    String gaps(@RequestParam(required = false) LocalDate until, @RequestParam(required = false) UUID organisation,
            Locale locale, Model model) {
        var last = until == null ? LocalDate.now(clock).plusWeeks(GAP_WEEKS) : until;
        model.addAttribute("entries", rows(patrols.gaps(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
                organisation == null ? null : new OrganisationId(organisation)), locale));
        model.addAttribute("until", last);
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisations", organisations.all());
        return "operations/patrols/gaps";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var entry = patrols.entry(new PatrolId(id));
        model.addAttribute("entry", entry);
        model.addAttribute("candidates", entry.crews().stream()
                .filter(crew -> patrols.mayStaff(crew.organisation()))
                .collect(Collectors.toMap(crew -> crew.organisation(),
                        crew -> people.ofOrganisation(crew.organisation()))));
        var areas = patrols.plan(entry.patrol().plan()).areas().stream().map(patrols::area).toList();
        // All areas on one map: the geometries are valid GeoJSON already (checked when saved).
        model.addAttribute("geometry", areas.stream().map(PatrolArea::geometry)
                .collect(Collectors.joining(",", "{\"type\":\"GeometryCollection\",\"geometries\":[", "]}")));
        return "operations/patrols/detail";
    }

    @PostMapping("/{id}/duties")
    @PreAuthorize(OperationPermissions.STAFF)
    String assign(@PathVariable UUID id, @RequestParam UUID person, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "patrol.assigned",
                () -> patrols.assign(new PatrolId(id), new PersonId(person)));
        return "redirect:/patrols/" + id;
    }

    @PostMapping("/{id}/duties/{person}/release")
    @PreAuthorize(OperationPermissions.STAFF)
    String release(@PathVariable UUID id, @PathVariable UUID person, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "patrol.released",
                () -> patrols.release(new PatrolId(id), new PersonId(person)));
        return "redirect:/patrols/" + id;
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(OperationPermissions.PLAN)
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "patrol.cancelledNow", () -> patrols.cancel(new PatrolId(id)));
        return "redirect:/patrols/" + id;
    }

    @GetMapping("/areas")
    String areas(Model model) {
        model.addAttribute("areas", patrols.areas());
        model.addAttribute("districts", partnerships.districts());
        return "operations/patrols/areas";
    }

    @GetMapping("/areas/new")
    @PreAuthorize(OperationPermissions.PLAN)
    String newArea(Model model) {
        return areaForm(model, null, new PatrolAreaForm("", null, ""));
    }

    @PostMapping("/areas")
    @PreAuthorize(OperationPermissions.PLAN)
    String createArea(@Valid @ModelAttribute("area") PatrolAreaForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return areaForm(model, null, form);
        }
        try {
            var id = patrols.createArea(form.name(), district(form), form.geometry());
            redirect.addFlashAttribute("success", "patrolArea.saved");
            return "redirect:/patrols/areas/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return areaForm(model, null, form);
        }
    }

    @GetMapping("/areas/{id}")
    String area(@PathVariable UUID id, Model model) {
        var area = patrols.area(new PatrolAreaId(id));
        return areaForm(model, area.id(), new PatrolAreaForm(area.name(),
                area.district() == null ? null : area.district().value(), area.geometry()));
    }

    @PostMapping("/areas/{id}")
    @PreAuthorize(OperationPermissions.PLAN)
    String changeArea(@PathVariable UUID id, @Valid @ModelAttribute("area") PatrolAreaForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var areaId = new PatrolAreaId(id);
        if (result.hasErrors()) {
            return areaForm(model, areaId, form);
        }
        try {
            patrols.changeArea(areaId, form.name(), district(form), form.geometry());
            redirect.addFlashAttribute("success", "patrolArea.saved");
            return "redirect:/patrols/areas/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return areaForm(model, areaId, form);
        }
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", patrols.plans());
        addNames(model);
        return "operations/patrols/plans";
    }

    @GetMapping("/plans/new")
    @PreAuthorize(OperationPermissions.PLAN)
    String newPlan(Model model) {
        var start = LocalDate.now(clock).plusDays(1);
        return planForm(model, new PatrolPlanForm("", List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                LocalTime.of(20, 0), LocalTime.of(2, 0), start, start.plusMonths(3), false,
                List.of(), null), Map.of());
    }

    @PostMapping("/plans")
    @PreAuthorize(OperationPermissions.PLAN)
    String createPlan(@Valid @ModelAttribute("plan") PatrolPlanForm form, BindingResult result,
            @RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return planForm(model, form, parameters);
        }
        try {
            var id = patrols.planJointPatrol(form.name(), schedule(form, form.validFrom()), areaIds(form),
                    staffing(parameters));
            redirect.addFlashAttribute("success", "patrolPlan.saved");
            return "redirect:/patrols/plans/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return planForm(model, form, parameters);
        }
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        var plan = patrols.plan(new PatrolPlanId(id));
        model.addAttribute("plan", plan);
        model.addAttribute("areas", plan.areas().stream().map(patrols::area).toList());
        model.addAttribute("lastDay", LocalDate.now(clock));
        addNames(model);
        return "operations/patrols/plan";
    }

    /** The plan's form for a change from a day on (default tomorrow, the earliest). */
    @GetMapping("/plans/{id}/edit")
    @PreAuthorize(OperationPermissions.PLAN)
    String editPlan(@PathVariable UUID id, Model model) {
        var plan = patrols.plan(new PatrolPlanId(id));
        var s = plan.schedule();
        var required = new HashMap<String, String>();
        plan.staffing().forEach(st -> required.put(REQUIRED + st.organisation(), String.valueOf(st.required())));
        model.addAttribute("planId", plan.id());
        return planForm(model, new PatrolPlanForm(plan.name(), s.orderedWeekdays(), s.startsAt(), s.endsAt(),
                s.validFrom(), s.validUntil(), s.skipHolidays(), plan.areas().stream().map(PatrolAreaId::value).toList(),
                LocalDate.now(clock).plusDays(1)), required);
    }

    @PostMapping("/plans/{id}")
    @PreAuthorize(OperationPermissions.PLAN)
    String changePlan(@PathVariable UUID id, @Valid @ModelAttribute("plan") PatrolPlanForm form, BindingResult result,
            @RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect) {
        var planId = new PatrolPlanId(id);
        model.addAttribute("planId", planId);
        if (result.hasErrors()) {
            return planForm(model, form, parameters);
        }
        try {
            // The start of a plan stays; a change names the day it applies from.
            var revision = patrols.changePlan(planId, form.changesFrom(), form.name(),
                    schedule(form, patrols.plan(planId).schedule().validFrom()), areaIds(form), staffing(parameters));
            redirect.addFlashAttribute("success", "patrolPlan.changed");
            redirect.addFlashAttribute("revision", revision);
            return "redirect:/patrols/plans/" + revision.plan();
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return planForm(model, form, parameters);
        }
    }

    @PostMapping("/plans/{id}/end")
    @PreAuthorize(OperationPermissions.PLAN)
    String endPlan(@PathVariable UUID id, @RequestParam(required = false) LocalDate lastDay,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "patrolPlan.changed",
                () -> redirect.addFlashAttribute("revision", patrols.endPlan(new PatrolPlanId(id), lastDay)));
        return "redirect:/patrols/plans/" + id;
    }

    private static PatrolSchedule schedule(PatrolPlanForm form, LocalDate validFrom) {
        return new PatrolSchedule(Set.copyOf(form.weekdays()), form.startsAt(), form.endsAt(), validFrom,
                form.validUntil(), Boolean.TRUE.equals(form.skipHolidays()));
    }

    private static List<PatrolAreaId> areaIds(PatrolPlanForm form) {
        return form.areaIds().stream().map(PatrolAreaId::new).toList();
    }

    private static List<Staffing> staffing(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(p -> p.getKey().startsWith(REQUIRED) && p.getValue().matches("\\d{1,2}"))
                .map(p -> new Staffing(new OrganisationId(UUID.fromString(p.getKey().substring(REQUIRED.length()))),
                        Integer.parseInt(p.getValue())))
                .filter(s -> s.required() > 0).toList();
    }

    private List<PatrolRosterRow> rows(List<PatrolRosterEntry> entries, Locale locale) {
        return PatrolRosterRow.of(entries, clock.getZone(), locale, messages.getMessage("patrol.cancelled", null, locale),
                missing -> messages.getMessage("patrol.missing", new Object[] {missing}, locale));
    }

    private String areaForm(Model model, PatrolAreaId id, PatrolAreaForm form) {
        model.addAttribute("areaId", id);
        model.addAttribute("area", form);
        model.addAttribute("districts", partnerships.districts());
        return "operations/patrols/area-form";
    }

    private String planForm(Model model, PatrolPlanForm form, Map<String, String> parameters) {
        model.addAttribute("plan", form);
        model.addAttribute("areas", patrols.areas());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("required", parameters);
        model.addAttribute("weekdays", DayOfWeek.values());
        return "operations/patrols/plan-form";
    }

    private void addNames(Model model) {
        var names = new HashMap<Object, String>();
        patrols.areas().forEach(a -> names.put(a.id(), a.name()));
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        model.addAttribute("names", names);
    }

    private static DistrictId district(PatrolAreaForm form) {
        return form.districtId() == null ? null : new DistrictId(form.districtId());
    }

    private LocalDate monday(String week) {
        if (week != null) {
            try {
                return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            } catch (DateTimeParseException e) {
                // an unreadable week shows the current one
            }
        }
        return LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
