package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** The partnership's prevention projects and their planning along the seven Beccaria steps. */
@Service
@Transactional
public class PreventionProjects {

    static final int MAX_TEXT = 200;
    static final int MAX_STEP_TEXT = 10_000;

    private final ProjectRepository projects;
    private final IndicatorRepository indicators;
    private final SurveyWaveValues surveyWaves;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PreventionProjects(ProjectRepository projects, IndicatorRepository indicators, SurveyWaveValues surveyWaves,
            Partnerships partnerships, Organisations organisations, Places places, AuditTrail auditTrail, Clock clock) {
        this.projects = projects;
        this.surveyWaves = surveyWaves;
        this.indicators = indicators;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<PreventionProject> projects() {
        return projects.all(CurrentUser.partnership());
    }

    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public PreventionProject project(ProjectId id) {
        return projects.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Project", id));
    }

    /** Whether the coordination published the project on the partnership's public pages. */
    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public boolean published(ProjectId id) {
        return projects.published(CurrentUser.partnership(), id);
    }

    /** Shows the project on the public pages, or takes it off them: the coordination decides. */
    @PreAuthorize(PreventionPermissions.REVIEW)
    public void publish(ProjectId id, boolean published) {
        var project = project(id);
        projects.publish(CurrentUser.partnership(), id, published, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", id, auditTrail.summary(
                published ? "audit.prevention.published" : "audit.prevention.unpublished", project.title()));
    }

    /** A new project, an idea until someone moves it on. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public ProjectId create(ProjectDraft draft) {
        return create(draft, ProjectStatus.IDEA);
    }

    /** A new project in a status of its own (a project that already runs); never evaluated without its evaluation. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public ProjectId create(ProjectDraft draft, ProjectStatus status) {
        var project = checked(ProjectId.random(), draft, status == null ? ProjectStatus.IDEA : status,
                new EnumMap<>(BeccariaStep.class));
        checkStatus(project, project.status());
        projects.insert(CurrentUser.partnership(), project, clock.instant());
        auditTrail.record(AuditAction.CREATED, "PreventionProject", project.id(),
                auditTrail.summary("audit.prevention.created", project.title()));
        return project.id();
    }

    /** Changes what was entered and, if it differs, the status (under the rules of {@link #changeStatus}). */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void change(ProjectId id, ProjectDraft draft, ProjectStatus status) {
        var old = project(id);
        var project = checked(id, draft, status == null ? old.status() : status, old.steps());
        if (project.status() != old.status()) {
            checkStatus(project, project.status());
        }
        projects.update(CurrentUser.partnership(), project, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", id,
                auditTrail.summary("audit.prevention.changed", project.title()));
        if (project.status() != old.status()) {
            auditStatus(project);
        }
    }

    /**
     * Moves the project to another status. A project counts as evaluated only with step 6 (review of implementation
     * and goal attainment) written and at least one measured indicator value: entered for a period, or a survey wave
     * that asked the question a survey indicator follows.
     */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void changeStatus(ProjectId id, ProjectStatus status) {
        var old = project(id);
        if (old.status() == status) {
            return;
        }
        checkStatus(old, status);
        var project = withStatus(old, status);
        projects.update(CurrentUser.partnership(), project, clock.instant());
        auditStatus(project);
    }

    /** Writes the texts of a step's fields (the quality note excepted); fields not given stay as they are. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void writeStep(ProjectId id, BeccariaStep step, Map<String, String> texts) {
        var project = project(id);
        var checked = new LinkedHashMap<String, String>();
        for (var field : step.fields()) {
            if (texts.containsKey(field.name())) {
                checked.put(field.name(), text(texts.get(field.name()), MAX_STEP_TEXT, "prevention.step.tooLong"));
            }
        }
        if (project.status() == ProjectStatus.EVALUATED && step == BeccariaStep.EVALUATION) {
            var after = new HashMap<>(project.step(step));
            after.putAll(checked);
            if (!step.complete(after)) {
                throw new RuleViolationException("prevention.step.evaluatedNeedsStep6");
            }
        }
        projects.writeStep(id, step, checked);
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", id,
                auditTrail.summary("audit.prevention.step", project.title(), step.number()));
    }

    /** The coordination's note on the quality of a step (what is missing, what is good); empty removes it. */
    @PreAuthorize(PreventionPermissions.REVIEW)
    public void noteQuality(ProjectId id, BeccariaStep step, String note) {
        var project = project(id);
        projects.writeStep(id, step, Map.of(BeccariaStep.QUALITY_NOTE,
                text(note, MAX_STEP_TEXT, "prevention.step.tooLong")));
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", id,
                auditTrail.summary("audit.prevention.quality", project.title(), step.number()));
    }

    /**
     * A new project from an existing one as template, for another district or year: the planning of steps 1 to 5,
     * partners, field, target groups, funding sources and evidence are taken over; status, evaluation, conclusions,
     * quality notes and indicator values are not.
     */
    @PreAuthorize(PreventionPermissions.EDIT)
    public ProjectId copy(ProjectId source, String title, List<DistrictId> districts, LocalDate startsOn,
            LocalDate endsOn) {
        var template = project(source);
        var draft = new ProjectDraft(title, template.lead(), template.partners(), template.field(),
                template.targetGroups(), template.summary(), districts, List.of(), startsOn, endsOn,
                template.funding(), template.contactPerson(), template.evidence());
        var id = create(draft);
        for (var step : EnumSet.range(BeccariaStep.PROBLEM, BeccariaStep.IMPLEMENTATION)) {
            var texts = new HashMap<>(template.step(step));
            texts.remove(BeccariaStep.QUALITY_NOTE);
            projects.writeStep(id, step, texts);
        }
        for (var indicator : indicators.of(source)) {
            indicators.insert(new Indicator(IndicatorId.random(), id, indicator.name(), indicator.unit(),
                    indicator.baseline(), indicator.target(), indicator.source(), indicator.category(),
                    indicator.district(), indicator.offenceGroup(), List.of(), indicator.surveyKey()));
        }
        auditTrail.record(AuditAction.CREATED, "PreventionProject", id,
                auditTrail.summary("audit.prevention.copied", title, template.title()));
        return id;
    }

    private void checkStatus(PreventionProject project, ProjectStatus status) {
        if (status == ProjectStatus.EVALUATED) {
            boolean step6 = project.complete(BeccariaStep.EVALUATION);
            boolean values = indicators.anyValue(project.id())
                    || indicators.of(project.id()).stream().anyMatch(surveyWaves::measured);
            if (!step6 && !values) {
                throw new RuleViolationException("prevention.status.evaluatedNeedsBoth");
            }
            if (!step6) {
                throw new RuleViolationException("prevention.status.evaluatedNeedsStep6");
            }
            if (!values) {
                throw new RuleViolationException("prevention.status.evaluatedNeedsValues");
            }
        }
    }

    private void auditStatus(PreventionProject project) {
        auditTrail.record(AuditAction.CHANGED, "PreventionProject", project.id(),
                auditTrail.summary("audit.prevention.status", project.title(),
                        auditTrail.summary("prevention.status." + project.status().name())));
    }

    private static PreventionProject withStatus(PreventionProject old, ProjectStatus status) {
        return new PreventionProject(old.id(), old.title(), old.lead(), old.partners(), old.field(),
                old.targetGroups(), old.summary(), old.districts(), old.places(), old.startsOn(), old.endsOn(),
                old.funding(), status, old.contactPerson(), old.evidence(), old.steps(), old.createdAt());
    }

    private PreventionProject checked(ProjectId id, ProjectDraft draft, ProjectStatus status,
            Map<BeccariaStep, Map<String, String>> steps) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > MAX_TEXT) {
            throw new RuleViolationException("prevention.title.invalid");
        }
        var partnership = CurrentUser.partnership();
        if (projects.titleTaken(partnership, title, id)) {
            throw new RuleViolationException("prevention.title.taken", title);
        }
        if (draft.field() == null) {
            throw new RuleViolationException("prevention.field.required");
        }
        if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw new RuleViolationException("prevention.period.invalid");
        }
        if (draft.lead() != null) {
            organisations.get(draft.lead()); // refuses another partnership's organisation
        }
        var partners = draft.partners() == null ? List.<de.sipa.shared.OrganisationId>of() : draft.partners();
        partners.forEach(organisations::get);
        var districts = draft.districts() == null ? List.<DistrictId>of() : draft.districts();
        districts.forEach(partnerships::district);
        var placeIds = draft.places() == null ? List.<de.sipa.places.PlaceId>of() : draft.places();
        placeIds.forEach(places::place);
        var funding = new ArrayList<Funding>();
        for (var f : draft.funding() == null ? List.<Funding>of() : draft.funding()) {
            String source = f.source() == null ? "" : f.source().strip();
            if (source.isEmpty() && f.amount() == null) {
                continue;
            }
            if (source.isEmpty() || source.length() > MAX_TEXT) {
                throw new RuleViolationException("prevention.funding.source");
            }
            if (f.amount() == null || f.amount().signum() < 0 || f.amount().compareTo(new BigDecimal("9999999999")) > 0) {
                throw new RuleViolationException("prevention.funding.amount", source);
            }
            funding.add(new Funding(source, f.amount()));
        }
        var evidence = draft.evidence() == null ? Evidence.none() : draft.evidence();
        String url = text(evidence.url(), 500, "prevention.evidence.url.invalid");
        if (!url.isEmpty() && !url.matches("(?i)https?://\\S+")) {
            throw new RuleViolationException("prevention.evidence.url.invalid");
        }
        evidence = new Evidence(text(evidence.programme(), MAX_TEXT, "prevention.evidence.programme.tooLong"), url,
                text(evidence.registry(), MAX_TEXT, "prevention.evidence.registry.tooLong"),
                evidence.level() == null ? EvidenceLevel.NONE : evidence.level());
        var groups = draft.targetGroups() == null || draft.targetGroups().isEmpty() ? EnumSet.noneOf(TargetGroup.class)
                : EnumSet.copyOf(draft.targetGroups());
        return new PreventionProject(id, title, draft.lead(), new ArrayList<>(partners), draft.field(), groups,
                text(draft.summary(), MAX_STEP_TEXT, "prevention.summary.tooLong"), new ArrayList<>(districts),
                new ArrayList<>(placeIds), draft.startsOn(), draft.endsOn(), funding, status,
                text(draft.contactPerson(), MAX_TEXT, "prevention.contact.tooLong"), evidence, steps, clock.instant());
    }

    private static String text(String text, int max, String key) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > max) {
            throw new RuleViolationException(key, max);
        }
        return stripped;
    }
}
