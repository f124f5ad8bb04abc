package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.ReportFigures;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;
import de.sipa.situation.CrimeFigures;
import de.sipa.situation.CrimeMeasure;
import de.sipa.situation.DistrictTrend;
import de.sipa.situation.OffenceGroup;
import de.sipa.situation.YearFigures;
import de.sipa.surveys.SenseOfSecurity;

/**
 * The indicators of a project: baseline, target and measured values, typed or counted live from the contact point's
 * reports or the police's crime figures over each value's period.
 */
@Service
@Transactional
public class Indicators {

    private final IndicatorRepository indicators;
    private final PreventionProjects projects;
    private final Partnerships partnerships;
    private final Categories categories;
    private final ReportFigures reportFigures;
    private final CrimeFigures crimeFigures;
    private final AuditTrail auditTrail;
    private final SenseOfSecurity surveys;
    private final SurveyWaveValues surveyWaves;

    Indicators(IndicatorRepository indicators, PreventionProjects projects, Partnerships partnerships,
            Categories categories, ReportFigures reportFigures, CrimeFigures crimeFigures, AuditTrail auditTrail,
            SenseOfSecurity surveys, SurveyWaveValues surveyWaves) {
        this.surveys = surveys;
        this.surveyWaves = surveyWaves;
        this.indicators = indicators;
        this.projects = projects;
        this.partnerships = partnerships;
        this.categories = categories;
        this.reportFigures = reportFigures;
        this.crimeFigures = crimeFigures;
        this.auditTrail = auditTrail;
    }

    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<Indicator> of(ProjectId project) {
        projects.project(project); // refuses another partnership's project
        return indicators.of(project);
    }

    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public Indicator indicator(ProjectId project, IndicatorId id) {
        return of(project).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Indicator", id));
    }

    @PreAuthorize(PreventionPermissions.EDIT)
    public IndicatorId define(ProjectId project, IndicatorDraft draft) {
        var title = projects.project(project).title();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > PreventionProjects.MAX_TEXT) {
            throw new RuleViolationException("prevention.indicator.name.invalid");
        }
        String unit = draft.unit() == null ? "" : draft.unit().strip();
        if (unit.length() > 50) {
            throw new RuleViolationException("prevention.indicator.unit.tooLong");
        }
        var source = draft.source() == null ? IndicatorSource.TYPED : draft.source();
        var category = source == IndicatorSource.REPORTS ? draft.category() : null;
        var district = source == IndicatorSource.TYPED ? null : draft.district();
        var group = source == IndicatorSource.CRIME_CASES ? draft.offenceGroup() : null;
        var surveyKey = source == IndicatorSource.SURVEY ? draft.surveyKey() : null;
        if (source == IndicatorSource.SURVEY
                && (surveyKey == null || de.sipa.surveys.StandardItems.item(surveyKey).isEmpty()
                        && !surveys.comparableKeys().contains(surveyKey))) {
            throw new RuleViolationException("prevention.indicator.survey.required");
        }
        if (category != null) {
            categories.get(category); // refuses another partnership's category
        }
        if (district != null) {
            partnerships.district(district);
        }
        if (source == IndicatorSource.CRIME_CASES
                && (group == null || crimeFigures.groups().stream().noneMatch(g -> g.id().equals(group)))) {
            throw new RuleViolationException("prevention.indicator.offenceGroup.required");
        }
        var id = IndicatorId.random();
        indicators.insert(new Indicator(id, project, name, unit, draft.baseline(), draft.target(), source, category,
                district, group, List.of(), surveyKey));
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", project,
                auditTrail.summary("audit.prevention.indicator", title, name));
        return id;
    }

    /**
     * A measured value over a period: typed for a typed indicator (required), counted live for a linked one (a
     * typed value is then ignored).
     */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void measure(ProjectId project, IndicatorId id, LocalDate from, LocalDate to, BigDecimal value) {
        var indicator = indicator(project, id);
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolationException("prevention.indicator.period.invalid");
        }
        if (indicator.source() == IndicatorSource.SURVEY) {
            throw new RuleViolationException("prevention.indicator.survey.noValues");
        }
        if (!indicator.linked() && value == null) {
            throw new RuleViolationException("prevention.indicator.value.required");
        }
        indicators.insertValue(id, new IndicatorValue(UUID.randomUUID(), from, to, indicator.linked() ? null : value));
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", project,
                auditTrail.summary("audit.prevention.measured", projects.project(project).title(), indicator.name()));
    }

    @PreAuthorize(PreventionPermissions.EDIT)
    public void removeValue(ProjectId project, IndicatorId id, UUID value) {
        indicator(project, id);
        indicators.deleteValue(id, value);
    }

    @PreAuthorize(PreventionPermissions.EDIT)
    public void remove(ProjectId project, IndicatorId id) {
        var indicator = indicator(project, id);
        indicators.delete(project, id);
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", project,
                auditTrail.summary("audit.prevention.indicatorRemoved", projects.project(project).title(),
                        indicator.name()));
    }

    /** The indicator's values as measured: typed, or counted now from the linked figures. */
    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<Measurement> measurements(Indicator indicator) {
        if (indicator.source() == IndicatorSource.SURVEY) {
            return surveyWaves.values(indicator);
        }
        return indicator.values().stream().map(v -> measurement(indicator, v)).toList();
    }

    private Measurement measurement(Indicator indicator, IndicatorValue value) {
        return switch (indicator.source()) {
            case TYPED -> new Measurement(value.id(), value.from(), value.to(), value.typed().doubleValue(), false,
                    false);
            case REPORTS -> {
                try {
                    yield new Measurement(value.id(), value.from(), value.to(), (double) reportFigures
                            .received(indicator.category(), indicator.district(), value.from(), value.to()), true,
                            false);
                } catch (AccessDeniedException e) {
                    yield new Measurement(value.id(), value.from(), value.to(), null, true, true);
                }
            }
            case SURVEY -> new Measurement(value.id(), value.from(), value.to(), null, true, false);
            case CRIME_CASES -> {
                try {
                    yield new Measurement(value.id(), value.from(), value.to(),
                            crimeCases(indicator, value.to().getYear()).orElse(null), true, false);
                } catch (AccessDeniedException e) {
                    yield new Measurement(value.id(), value.from(), value.to(), null, true, true);
                }
            }
        };
    }

    /** The recorded cases of the indicator's offence group in its district (or the city) in the year. */
    private Optional<Double> crimeCases(Indicator indicator, int year) {
        Optional<OffenceGroup> group = crimeFigures.groups().stream()
                .filter(g -> g.id().equals(indicator.offenceGroup())).findFirst();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        if (indicator.district() == null) {
            return crimeFigures.cityTrend(group.get()).stream().filter(y -> y.year() == year)
                    .map(YearFigures::figures).map(CrimeMeasure.CASES::of).filter(v -> v != null).findFirst();
        }
        return crimeFigures.districtTrends(group.get()).stream()
                .filter(t -> t.district().equals(indicator.district())).map((DistrictTrend t) -> t.in(year))
                .map(CrimeMeasure.CASES::of).filter(v -> v != null).findFirst();
    }
}
