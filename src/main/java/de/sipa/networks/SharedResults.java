package de.sipa.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Tenancy;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.places.PlaceEffects;
import de.sipa.places.PlaceId;
import de.sipa.places.Places;
import de.sipa.shared.CellSuppression;
import de.sipa.shared.NotFoundException;
import de.sipa.surveys.SurveyResults;
import de.sipa.surveys.SurveyWaveId;
import de.sipa.surveys.Surveys;
import de.sipa.surveys.Weighting;

/**
 * What the members share with the network besides figures and projects, as its coordination sees it: published places
 * with their evaluation, the results of finished survey waves (small cells suppressed, as for an export) and links to
 * the annual reports on the towns' public pages. Like {@link NetworkRollUp} it reads across partnerships, asks the
 * share table first and reads a town through the owning module's API as that town; what a town shares and later takes
 * back from its public pages (a place) is not shown.
 *
 * <p>The annual reports are linked, not read: the annual report module reads every other module and nothing reads it,
 * and a published report is public on the town's pages anyway, so the share only puts the link on the network's page.
 */
@Service
@Transactional(readOnly = true)
public class SharedResults {

    private final NetworkRepository repository;
    private final NetworkRollUp rollUp;
    private final Partnerships partnerships;
    private final Places places;
    private final PlaceEffects effects;
    private final Surveys surveys;
    private final SurveyResults results;
    private final MessageSource messages;
    private final Tenancy tenancy;

    SharedResults(NetworkRepository repository, NetworkRollUp rollUp, Partnerships partnerships, Places places,
            PlaceEffects effects, Surveys surveys, SurveyResults results, MessageSource messages, Tenancy tenancy) {
        this.repository = repository;
        this.rollUp = rollUp;
        this.partnerships = partnerships;
        this.places = places;
        this.effects = effects;
        this.surveys = surveys;
        this.results = results;
        this.messages = messages;
        this.tenancy = tenancy;
    }

    /** The published places the members share, by town. */
    @PreAuthorize(NetworkPermissions.READ)
    public List<SharedPlace> places() {
        var list = new ArrayList<SharedPlace>();
        for (var share : shares(ShareKind.PLACE)) {
            var town = partnerships.find(share.member()).orElseThrow();
            NetworkRollUp.asTown(share.member(), () -> places.published(share.member(), new PlaceId(share.item())))
                    .ifPresent(p -> list.add(new SharedPlace(p.id(), town.id(), town.name(), p.name(), p.deficit(),
                            p.status(), p.description(), share.contact())));
        }
        return list;
    }

    /** A shared place with its evaluation in sentences; a place nobody shared (or no longer publishes) is not found. */
    @PreAuthorize(NetworkPermissions.READ)
    public PlaceEvaluation place(PlaceId id, Locale locale) {
        var place = places().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared place", id));
        var effect = NetworkRollUp.asTown(place.town(), () -> effects.evaluate(id));
        var sentence = effect.sentence().stream().map(part -> messages.getMessage(part, locale))
                .collect(Collectors.joining(" "));
        return new PlaceEvaluation(place, effect.enoughCases() ? sentence : null);
    }

    /** The finished survey waves the members share, by town. */
    @PreAuthorize(NetworkPermissions.READ)
    public List<SharedSurvey> surveys() {
        var list = new ArrayList<SharedSurvey>();
        for (var share : shares(ShareKind.SURVEY)) {
            var town = partnerships.find(share.member()).orElseThrow();
            try {
                var wave = NetworkRollUp.asTown(share.member(), () -> surveys.wave(new SurveyWaveId(share.item())));
                list.add(new SharedSurvey(wave.id(), town.id(), town.name(), wave.title(), wave.opensOn(),
                        wave.closesOn()));
            } catch (NotFoundException deleted) {
                // the town deleted the wave since it shared it: nothing to show
            }
        }
        return list;
    }

    /**
     * A shared wave's results as an export has them: unweighted, a question answered by fewer than five shows nothing,
     * an answer given by fewer than five (or the one hidden with it) shows neither count nor share.
     */
    @PreAuthorize(NetworkPermissions.READ)
    public SharedSurvey.Results survey(SurveyWaveId id, Locale locale) {
        var survey = surveys().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared survey", id));
        var wave = NetworkRollUp.asTown(survey.town(), () -> results.resultsToExport(id, null, Weighting.NONE, locale));
        var questions = new ArrayList<SharedSurvey.Question>();
        for (var q : wave.questions()) {
            if (q.question().kind().demographic()) {
                continue; // who answered is the town's to weigh, not the network's to compare
            }
            var answers = q.options().stream().map(o -> q.suppressed() || o.suppressed()
                    ? new SharedSurvey.Answer(o.label(), null, null)
                    : new SharedSurvey.Answer(o.label(), o.count(), o.share())).toList();
            questions.add(new SharedSurvey.Question(q.text(), q.suppressed() ? null : q.n(), answers));
        }
        return new SharedSurvey.Results(survey, CellSuppression.small(wave.responses()) ? null : wave.responses(),
                questions);
    }

    /** The towns that share their published annual reports, with the public address to find them. */
    @PreAuthorize(NetworkPermissions.READ)
    public List<Partnership> annualReports() {
        return shares(ShareKind.ANNUAL_REPORTS).stream().map(s -> partnerships.find(s.member()).orElseThrow())
                .toList();
    }

    private List<Share> shares(ShareKind kind) {
        var network = rollUp.network();
        tenancy.acrossPartnerships();
        return repository.shares(network.id(), kind);
    }
}
