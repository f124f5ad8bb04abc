package de.sipa.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.Partnerships;

/**
 * The results of the partnership's survey waves: counts and shares per question, weighted to the population structure
 * the coordination enters, cross tables, the free-text answers, and trends of the comparable questions over the waves.
 */
@Service
@Transactional(readOnly = true)
public class SurveyResults {

    /** The age bands and genders of the standard items, in their order, for the population form. */
    public static final List<String> AGE_BANDS = List.of("16_24", "25_34", "35_44", "45_54", "55_64", "65_74",
            "75_PLUS");
    public static final List<String> GENDERS = List.of("FEMALE", "MALE", "DIVERSE");
    static final int TEXTS_PER_PAGE = 25;

    private final Surveys surveys;
    private final ResultsRepository repository;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;

    SurveyResults(Surveys surveys, ResultsRepository repository, Partnerships partnerships, AuditTrail auditTrail) {
        this.surveys = surveys;
        this.repository = repository;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
    }

    /** The results as the current user may see them: with small cells suppressed unless they are the coordination. */
    @PreAuthorize(SurveyPermissions.READ)
    public WaveResults results(SurveyWaveId id, UUID district, Weighting weighting, Locale locale) {
        return results(id, district, weighting, locale, !SmallCells.seesAll());
    }

    /** The results for an export, which leaves the coordination: small cells always suppressed. */
    @PreAuthorize(SurveyPermissions.READ)
    public WaveResults resultsToExport(SurveyWaveId id, UUID district, Weighting weighting, Locale locale) {
        return results(id, district, weighting, locale, true);
    }

    private WaveResults results(SurveyWaveId id, UUID district, Weighting weighting, Locale locale, boolean suppress) {
        var wave = surveys.wave(id);
        var questionnaire = surveys.questionnaire(wave.questionnaire());
        var respondents = repository.respondents(id);
        var weights = CellWeights.of(weighting, respondents, repository.population(CurrentUser.partnership()));
        var counts = repository.counts(id).stream()
                .collect(Collectors.groupingBy(ResultsRepository.AnswerCount::question));
        var multiple = questionnaire.questions().stream().filter(q -> q.kind() == QuestionKind.MULTIPLE_CHOICE)
                .map(q -> q.id().value()).toList();
        var answered = repository.answered(id, multiple).stream()
                .collect(Collectors.groupingBy(ResultsRepository.AnswerCount::question));
        var districts = districtNames();
        var results = new ArrayList<WaveResults.QuestionResult>();
        for (var question : questionnaire.questions()) {
            if (question.kind() == QuestionKind.FREE_TEXT) {
                continue;
            }
            var table = table(question, respondents, counts.getOrDefault(question.id().value(), List.of()),
                    answered.getOrDefault(question.id().value(), List.of()), district);
            results.add(result(question, table, weights, labels(question, districts, locale), weighting, locale,
                    suppress));
        }
        long responses = respondents.entrySet().stream()
                .filter(e -> district == null || district.equals(e.getKey().district()))
                .mapToLong(Map.Entry::getValue).sum();
        return new WaveResults(wave, questionnaire.title(), weighting, district, responses, suppress, results);
    }

    /** Counts of one question per code and cell, and the number who answered per cell. */
    private record Table(Map<String, Map<RespondentCell, Long>> counts, Map<RespondentCell, Long> answered) {
    }

    private Table table(Question question, Map<RespondentCell, Long> respondents,
            List<ResultsRepository.AnswerCount> counts, List<ResultsRepository.AnswerCount> answered, UUID district) {
        var byCode = new LinkedHashMap<String, Map<RespondentCell, Long>>();
        var n = new HashMap<RespondentCell, Long>();
        if (question.kind().demographic()) {
            Function<RespondentCell, String> code = switch (question.kind()) {
                case DISTRICT -> c -> c.district() == null ? null : c.district().toString();
                case AGE_BAND -> RespondentCell::ageBand;
                default -> RespondentCell::gender;
            };
            respondents.forEach((cell, count) -> {
                var value = code.apply(cell);
                if (value != null && (district == null || district.equals(cell.district()))) {
                    byCode.computeIfAbsent(value, k -> new HashMap<>()).merge(cell, count, Long::sum);
                    n.merge(cell, count, Long::sum);
                }
            });
            return new Table(byCode, n);
        }
        for (var count : counts) {
            if (district != null && !district.equals(count.cell().district())) {
                continue;
            }
            byCode.computeIfAbsent(count.code(), k -> new HashMap<>()).merge(count.cell(), count.count(), Long::sum);
            if (question.kind() != QuestionKind.MULTIPLE_CHOICE) {
                n.merge(count.cell(), count.count(), Long::sum);
            }
        }
        if (question.kind() == QuestionKind.MULTIPLE_CHOICE) {
            answered.stream().filter(a -> district == null || district.equals(a.cell().district()))
                    .forEach(a -> n.merge(a.cell(), a.count(), Long::sum));
        }
        return new Table(byCode, n);
    }

    private WaveResults.QuestionResult result(Question question, Table table, Map<RespondentCell, Double> weights,
            Map<String, String> labels, Weighting weighting, Locale locale, boolean suppress) {
        long n = 0;
        double weightedN = 0;
        double squares = 0;
        for (var entry : table.answered().entrySet()) {
            double w = weights.getOrDefault(entry.getKey(), 1.0);
            n += entry.getValue();
            weightedN += w * entry.getValue();
            squares += w * w * entry.getValue();
        }
        double effective = weighting == Weighting.NONE ? n : SurveyStatistics.effectiveSize(weightedN, squares);
        var codes = new ArrayList<String>(labels.keySet());
        table.counts().keySet().stream().filter(c -> !labels.containsKey(c)).sorted(Comparator
                .comparing((String c) -> c.matches("-?\\d{1,9}") ? Integer.parseInt(c) : Integer.MAX_VALUE)
                .thenComparing(Comparator.naturalOrder())).forEach(codes::add);
        var options = new ArrayList<WaveResults.OptionResult>();
        boolean questionSuppressed = suppress && SmallCells.small(n);
        for (var code : codes) {
            long count = 0;
            double weighted = 0;
            for (var entry : table.counts().getOrDefault(code, Map.of()).entrySet()) {
                count += entry.getValue();
                weighted += weights.getOrDefault(entry.getKey(), 1.0) * entry.getValue();
            }
            double share = n == 0 ? 0 : (double) count / n;
            double weightedShare = weightedN == 0 ? 0 : weighted / weightedN;
            var interval = weighting == Weighting.NONE ? SurveyStatistics.wilson(share, n)
                    : SurveyStatistics.wilson(weightedShare, effective);
            options.add(new WaveResults.OptionResult(code, labels.getOrDefault(code, code), count, share,
                    weightedShare, interval[0], interval[1], questionSuppressed || suppress && SmallCells.small(count)));
        }
        if (suppress && !questionSuppressed && question.kind() != QuestionKind.MULTIPLE_CHOICE) {
            options = new ArrayList<>(complementary(options));
        }
        return new WaveResults.QuestionResult(question, question.text().in(locale), n, effective, questionSuppressed,
                options);
    }

    /**
     * Secondary suppression: when the answers add up to n and only one count is hidden, it could be worked out from
     * the others, so the next smallest count is hidden too ({@link de.sipa.shared.CellSuppression#complementary}).
     */
    static List<WaveResults.OptionResult> complementary(List<WaveResults.OptionResult> options) {
        var counts = options.stream().mapToLong(WaveResults.OptionResult::count).toArray();
        var suppressed = new boolean[options.size()];
        for (int i = 0; i < suppressed.length; i++) {
            suppressed[i] = options.get(i).suppressed();
        }
        var hidden = de.sipa.shared.CellSuppression.complementary(counts, suppressed);
        var result = new ArrayList<WaveResults.OptionResult>();
        for (int i = 0; i < hidden.length; i++) {
            var o = options.get(i);
            result.add(hidden[i] == o.suppressed() ? o : new WaveResults.OptionResult(o.code(), o.label(), o.count(),
                    o.share(), o.weightedShare(), o.lower(), o.upper(), true));
        }
        return result;
    }

    /** The question's answers in their order with their labels; districts as the partnership's districts. */
    private Map<String, String> labels(Question question, List<District> districts, Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        if (question.kind() == QuestionKind.DISTRICT) {
            districts.forEach(d -> labels.put(d.id().value().toString(), d.name()));
        } else {
            question.options().forEach(o -> labels.put(o.code(), o.label().in(locale)));
        }
        return labels;
    }

    private List<District> districtNames() {
        return partnerships.districts();
    }

    /** A question's answers by age band, gender or district, as the current user may see them. */
    @PreAuthorize(SurveyPermissions.READ)
    public CrossTable crossTable(SurveyWaveId id, QuestionId questionId, CrossTable.Breakdown by, UUID district,
            Locale locale) {
        return crossTable(id, questionId, by, district, locale, !SmallCells.seesAll());
    }

    private CrossTable crossTable(SurveyWaveId id, QuestionId questionId, CrossTable.Breakdown by, UUID district,
            Locale locale, boolean suppress) {
        var wave = surveys.wave(id);
        var questionnaire = surveys.questionnaire(wave.questionnaire());
        var question = questionnaire.question(questionId)
                .orElseThrow(() -> new de.sipa.shared.NotFoundException("Question", questionId));
        var respondents = repository.respondents(id);
        var counts = repository.counts(id, questionId.value());
        var answered = question.kind() == QuestionKind.MULTIPLE_CHOICE
                ? repository.answered(id, List.of(questionId.value())) : List.<ResultsRepository.AnswerCount>of();
        var table = table(question, respondents, counts, answered, district);
        var districts = districtNames();
        Function<RespondentCell, String> column = switch (by) {
            case AGE_BAND -> RespondentCell::ageBand;
            case GENDER -> RespondentCell::gender;
            case DISTRICT -> c -> c.district() == null ? null : c.district().toString();
        };
        var columnLabels = columnLabels(by, questionnaire, districts, locale);
        var present = new ArrayList<String>();
        columnLabels.keySet().stream().filter(k -> table.answered().keySet().stream().map(column)
                .anyMatch(k::equals)).forEach(present::add);
        table.answered().keySet().stream().map(column).filter(Objects::nonNull).distinct().sorted()
                .filter(k -> !present.contains(k)).forEach(present::add);
        var totals = new ArrayList<Long>();
        for (var key : present) {
            totals.add(table.answered().entrySet().stream().filter(e -> key.equals(column.apply(e.getKey())))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        var labels = labels(question, districts, locale);
        var codes = new ArrayList<String>(labels.keySet());
        table.counts().keySet().stream().filter(c -> !labels.containsKey(c)).sorted().forEach(codes::add);
        var rows = new ArrayList<CrossTable.Row>();
        for (var code : codes) {
            var cells = new ArrayList<CrossTable.Cell>();
            for (int i = 0; i < present.size(); i++) {
                var key = present.get(i);
                long count = table.counts().getOrDefault(code, Map.of()).entrySet().stream()
                        .filter(e -> key.equals(column.apply(e.getKey()))).mapToLong(Map.Entry::getValue).sum();
                long total = totals.get(i);
                cells.add(new CrossTable.Cell(count, total == 0 ? 0 : (double) count / total,
                        suppress && (SmallCells.small(count) || SmallCells.small(total))));
            }
            rows.add(new CrossTable.Row(code, labels.getOrDefault(code, code), cells));
        }
        var columnSuppressed = totals.stream().map(t -> suppress && SmallCells.small(t)).toList();
        return new CrossTable(question.text().in(locale), by,
                present.stream().map(k -> columnLabels.getOrDefault(k, k)).toList(), totals, columnSuppressed, rows,
                suppress);
    }

    private Map<String, String> columnLabels(CrossTable.Breakdown by, Questionnaire questionnaire,
            List<District> districts, Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        if (by == CrossTable.Breakdown.DISTRICT) {
            districts.forEach(d -> labels.put(d.id().value().toString(), d.name()));
            return labels;
        }
        var kind = by == CrossTable.Breakdown.AGE_BAND ? QuestionKind.AGE_BAND : QuestionKind.GENDER;
        questionnaire.questions().stream().filter(q -> q.kind() == kind).findFirst()
                .ifPresent(q -> q.options().forEach(o -> labels.put(o.code(), o.label().in(locale))));
        (by == CrossTable.Breakdown.AGE_BAND ? AGE_BANDS : GENDERS).forEach(c -> labels.putIfAbsent(c, c));
        return labels;
    }

    /** A page (from 1) of the free-text answers, optionally of one district and containing the search. */
    @PreAuthorize(SurveyPermissions.READ)
    public FreeTextPage freeTexts(SurveyWaveId id, UUID district, String search, int page, Locale locale) {
        var wave = surveys.wave(id);
        var questionnaire = surveys.questionnaire(wave.questionnaire());
        var texts = questionnaire.questions().stream().filter(q -> q.kind() == QuestionKind.FREE_TEXT)
                .collect(Collectors.toMap(q -> q.id().value(), q -> q.text().in(locale)));
        var names = districtNames().stream()
                .collect(Collectors.toMap(d -> d.id().value(), District::name));
        var term = search == null || search.isBlank() ? null : search.strip();
        long total = repository.countTexts(id, texts.keySet(), district, term);
        int pages = (int) Math.max(1, (total + TEXTS_PER_PAGE - 1) / TEXTS_PER_PAGE);
        int current = Math.min(Math.max(1, page), pages);
        var answers = repository.texts(id, texts.keySet(), district, term, (current - 1) * TEXTS_PER_PAGE,
                TEXTS_PER_PAGE).stream()
                .map(t -> new FreeTextPage.Answer(texts.get(t.question()), t.text(),
                        t.district() == null ? null : names.get(t.district())))
                .toList();
        return new FreeTextPage(answers, current, pages, total);
    }

    /** The population structure the coordination entered to weight the results. */
    @PreAuthorize(SurveyPermissions.READ)
    public Population population() {
        return repository.population(CurrentUser.partnership());
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    @Transactional
    public void enterPopulation(Population population) {
        if (population.districts().values().stream().anyMatch(v -> v < 0)
                || population.cells().values().stream().anyMatch(v -> v < 0)) {
            throw new de.sipa.shared.RuleViolationException("survey.population.negative");
        }
        repository.replacePopulation(CurrentUser.partnership(), population);
        auditTrail.record(AuditAction.CHANGED, "SurveyPopulation", CurrentUser.partnership(),
                auditTrail.summary("audit.surveyPopulation.changed"));
    }
}
