package de.sipa.places;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The safety concepts of the places: goals and measures. Everyone of the partnership reads them (the steering group
 * follows them up); the partners' staff keep them. A concept moves its place on: the first goal or measure puts an
 * observed place "in work", the first measure carried out sets its measures running.
 */
@Service
@Transactional
public class SafetyConcepts {

    static final int MAX_GOALS = 20;
    static final int MAX_GOAL_LENGTH = 500;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_LEGAL_BASIS = 300;
    static final long MAX_COST = 1_000_000_000L;

    private final SafetyConceptRepository concepts;
    private final Places places;
    private final Organisations organisations;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SafetyConcepts(SafetyConceptRepository concepts, Places places, Organisations organisations, AuditTrail auditTrail,
            ApplicationEventPublisher events, Clock clock) {
        this.concepts = concepts;
        this.places = places;
        this.organisations = organisations;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public SafetyConcept concept(PlaceId id) {
        var place = places.place(id);
        return new SafetyConcept(place, concepts.goals(id), concepts.measures(CurrentUser.partnership(), id));
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public Measure measure(PlaceId place, MeasureId id) {
        return concepts.measure(CurrentUser.partnership(), id).filter(m -> m.place().equals(place))
                .orElseThrow(() -> new NotFoundException("Measure", id));
    }

    /** Sets the goals, one per line; empty lines are dropped. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void changeGoals(PlaceId id, String text) {
        var place = places.place(id);
        var goals = new ArrayList<String>();
        for (var line : (text == null ? "" : text).split("\\R")) {
            var goal = line.strip().replaceFirst("^[-*•]\\s*", "");
            if (goal.isEmpty()) {
                continue;
            }
            if (goal.length() > MAX_GOAL_LENGTH) {
                throw new RuleViolationException("concept.goal.tooLong", MAX_GOAL_LENGTH);
            }
            goals.add(goal);
        }
        if (goals.size() > MAX_GOALS) {
            throw new RuleViolationException("concept.goals.tooMany", MAX_GOALS);
        }
        concepts.replaceGoals(id, goals);
        auditTrail.record(AuditAction.CHANGED, "Place", id,
                auditTrail.summary("audit.concept.goals", place.name(), goals.size()));
        if (!goals.isEmpty() && place.status() == PlaceStatus.OBSERVED) {
            places.changeStatus(id, PlaceStatus.CONCEPT_IN_WORK);
        }
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public MeasureId addMeasure(PlaceId id, MeasureDraft draft) {
        var place = places.place(id);
        var measure = checked(MeasureId.random(), id, draft);
        concepts.insert(CurrentUser.partnership(), measure, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Measure", measure.id(), auditTrail.summary("audit.measure.added",
                place.name(), measure.title(), auditTrail.label("measure.kind.", measure.kind())));
        moveOn(place, measure, null);
        return measure.id();
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public void changeMeasure(PlaceId id, MeasureId measureId, MeasureDraft draft) {
        var place = places.place(id);
        var old = measure(id, measureId);
        var measure = checked(measureId, id, draft);
        concepts.update(CurrentUser.partnership(), measure, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Measure", measureId, auditTrail.summary("audit.measure.changed",
                place.name(), measure.title(), auditTrail.label("measure.status.", measure.status())));
        moveOn(place, measure, old);
    }

    /**
     * Takes goals and measures from a template (a safety concept another partnership shared) into a place's concept:
     * the goals come after the place's own ones (one it already has is not repeated), the measures are added as
     * drafted, checked as any new measure. Returns the new measures.
     */
    @PreAuthorize(PlacePermissions.EDIT)
    public List<MeasureId> adopt(PlaceId id, List<String> goals, List<MeasureDraft> measures) {
        var own = concepts.goals(places.place(id).id());
        var merged = new ArrayList<>(own);
        goals.stream().map(String::strip).filter(g -> !g.isEmpty() && !merged.contains(g)).forEach(merged::add);
        if (merged.size() > own.size()) {
            changeGoals(id, String.join("\n", merged));
        }
        var added = new ArrayList<MeasureId>();
        for (var draft : measures) {
            added.add(addMeasure(id, draft));
        }
        return added;
    }

    /** An observed place is in work once it has a measure; it has measures running once one is carried out. */
    private void moveOn(Place place, Measure measure, Measure old) {
        boolean starts = measure.status().started() && (old == null || !old.status().started());
        if (starts) {
            events.publishEvent(new MeasureStarted(place.id(), measure.id(), measure.kind(), measure.startsOn()));
            if (place.status() == PlaceStatus.OBSERVED || place.status() == PlaceStatus.CONCEPT_IN_WORK) {
                places.changeStatus(place.id(), PlaceStatus.MEASURES_RUNNING);
            }
        } else if (place.status() == PlaceStatus.OBSERVED) {
            places.changeStatus(place.id(), PlaceStatus.CONCEPT_IN_WORK);
        }
    }

    private Measure checked(MeasureId id, PlaceId place, MeasureDraft draft) {
        if (draft.kind() == null) {
            throw new RuleViolationException("measure.kind.required");
        }
        var title = strip(draft.title());
        if (title == null || title.length() > MAX_TITLE) {
            throw new RuleViolationException("measure.title.invalid", MAX_TITLE);
        }
        var description = strip(draft.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new RuleViolationException("measure.description.tooLong", MAX_DESCRIPTION);
        }
        var legalBasis = strip(draft.legalBasis());
        if (legalBasis == null && draft.kind().needsLegalBasis()) {
            throw new RuleViolationException("measure.legalBasis.required");
        }
        if (legalBasis != null && legalBasis.length() > MAX_LEGAL_BASIS) {
            throw new RuleViolationException("measure.legalBasis.tooLong", MAX_LEGAL_BASIS);
        }
        if (draft.organisation() == null) {
            throw new RuleViolationException("measure.organisation.required");
        }
        try {
            organisations.get(draft.organisation());
        } catch (NotFoundException e) {
            throw new RuleViolationException("measure.organisation.required");
        }
        if (draft.costEuros() != null && (draft.costEuros() < 0 || draft.costEuros() > MAX_COST)) {
            throw new RuleViolationException("measure.costEuros.invalid");
        }
        if (draft.status() == null) {
            throw new RuleViolationException("measure.status.required");
        }
        if (draft.startsOn() == null && draft.status().started()) {
            throw new RuleViolationException("measure.startsOn.required");
        }
        if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw new RuleViolationException("measure.endsOn.beforeStart");
        }
        return new Measure(id, place, draft.kind(), title, description == null ? "" : description, legalBasis,
                draft.organisation(), draft.costEuros(), draft.startsOn(), draft.endsOn(), draft.status());
    }

    /** The measures of several places at once, e.g. for the list of places. */
    List<Measure> measures(PlaceId place) {
        return concepts.measures(CurrentUser.partnership(), place);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
