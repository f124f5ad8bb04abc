package de.sipa.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.shared.CsvTable;
import de.sipa.shared.ImportColumns;
import de.sipa.shared.ImportRow;
import de.sipa.shared.RuleViolationException;

/**
 * Imports the answers of an external wave (an institute's or a paper survey) from a CSV file with one row per
 * respondent: each question gets a column of the file (the user's choice, else the column headed with the question's
 * comparable key or its wording), a cell holds an answer (several of a multiple choice separated by "|" or ","), a
 * number or a text. The file's values of a choice question are mapped to the question's answers by the user, else by
 * code or label ({@link AnswerValues}). Every row is checked with the rules of a web response; only a
 * file without a single bad row is stored, all of it in one transaction, and the wave's answer counts are rebuilt.
 */
@Service
@Transactional
public class AnswerImport {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    private final Surveys surveys;
    private final Partnerships partnerships;
    private final ResponseBatch batch;
    private final AuditTrail auditTrail;
    private final MessageSource messages;

    AnswerImport(Surveys surveys, Partnerships partnerships, ResponseBatch batch, AuditTrail auditTrail,
            MessageSource messages) {
        this.surveys = surveys;
        this.partnerships = partnerships;
        this.batch = batch;
        this.auditTrail = auditTrail;
        this.messages = messages;
    }

    /** A file's rows checked under the chosen columns and values; nothing is stored. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    @Transactional(readOnly = true)
    public AnswerImportPreview preview(SurveyWaveId id, byte[] file, AnswerImportMapping mapping, Locale locale) {
        return read(id, file, mapping, locale).preview();
    }

    /**
     * Stores the file's responses, or nothing when any row or the file has a problem.
     *
     * @return the number of responses stored
     * @throws RuleViolationException when the wave is not an external one or the file has a problem
     */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public int confirm(SurveyWaveId id, byte[] file, AnswerImportMapping mapping, Locale locale) {
        var read = read(id, file, mapping, locale);
        if (!read.preview().importable()) {
            throw new RuleViolationException("survey.import.notClean");
        }
        batch.insert(CurrentUser.partnership(), id, read.responses());
        auditTrail.record(AuditAction.CREATED, "SurveyWave", id,
                auditTrail.summary("audit.wave.imported", read.responses().size(), read.wave().title()));
        return read.responses().size();
    }

    /** The questions' keys in the preview's form, in the questionnaire's order. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    @Transactional(readOnly = true)
    public List<String> columnKeys(SurveyWaveId id) {
        return surveys.questionnaire(surveys.wave(id).questionnaire()).questions().stream()
                .map(q -> q.id().value().toString()).toList();
    }

    private record Read(SurveyWave wave, AnswerImportPreview preview, List<ResponseBatch.Response> responses) {
    }

    private Read read(SurveyWaveId id, byte[] file, AnswerImportMapping mapping, Locale locale) {
        var wave = surveys.wave(id);
        if (wave.mode() != WaveMode.EXTERNAL) {
            throw new RuleViolationException("survey.import.notExternal", wave.title());
        }
        var questionnaire = surveys.questionnaire(wave.questionnaire());
        var districts = partnerships.districts();
        int stored = surveys.responses(id);
        var questions = new LinkedHashMap<String, Question>();
        questionnaire.questions().forEach(q -> questions.put(q.id().value().toString(), q));
        CsvTable table;
        try {
            table = CsvTable.read(file, MAX_BYTES, MAX_ROWS);
        } catch (RuleViolationException e) {
            var columns = questions.values().stream()
                    .map(q -> new AnswerImportPreview.Column(q.id().value().toString(), q.text().in(locale), null))
                    .toList();
            return new Read(wave, new AnswerImportPreview(List.of(), columns, List.of(), List.of(),
                    List.of(messages.getMessage(e.messageKey(), e.arguments(), locale)), stored), List.of());
        }
        var assigned = ImportColumns.assign(questions.keySet(), table.header(), mapping.columns(),
                (key, header) -> names(questions.get(key), header));
        var columns = questions.entrySet().stream().map(e -> new AnswerImportPreview.Column(e.getKey(),
                e.getValue().text().in(locale), assigned.get(e.getKey()))).toList();
        var fileErrors = new ArrayList<String>();
        if (assigned.isEmpty()) {
            fileErrors.add(messages.getMessage("survey.import.noColumn", null, locale));
        } else if (ImportColumns.sameColumnTwice(assigned)) {
            fileErrors.add(messages.getMessage("survey.import.sameColumn", null, locale));
        }
        var answers = new LinkedHashMap<String, AnswerValues>();
        assigned.forEach((key, header) -> {
            var question = questions.get(key);
            if (AnswerValues.maps(question)) {
                answers.put(key, new AnswerValues(question, districts, mapping, locale));
            }
        });
        var rows = new ArrayList<ImportRow>();
        var responses = new ArrayList<ResponseBatch.Response>();
        for (var row : table.rows()) {
            var raw = new HashMap<QuestionId, String>();
            var given = new HashMap<QuestionId, List<String>>();
            assigned.forEach((key, header) -> {
                var question = questions.get(key);
                var value = row.get(header);
                raw.put(question.id(), value);
                var values = answers.get(key);
                given.put(question.id(), values == null ? plain(value) : values.codes(value));
            });
            if (fileErrors.isEmpty()) {
                var normalised = AnswerRules.normalised(given);
                var errors = AnswerRules.check(questionnaire, districts, normalised, questionnaire.questions())
                        .stream().map(p -> {
                            var question = questionnaire.question(p.question()).orElseThrow();
                            var arguments = new ArrayList<Object>(List.of(question.text().in(locale),
                                    raw.getOrDefault(p.question(), "")));
                            arguments.addAll(p.arguments());
                            return messages.getMessage(p.messageKey().replace("survey.answer.", "survey.import.answer."),
                                    arguments.toArray(), locale);
                        })
                        .toList();
                var response = ResponseBatch.Response.of(questionnaire, normalised, wave.opensOn(), "IMPORT");
                rows.add(new ImportRow(row.line(), summary(response, normalised, districts, locale), errors));
                responses.add(response);
            }
        }
        var values = answers.entrySet().stream()
                .map(e -> e.getValue().found(assigned.get(e.getKey()), locale)).toList();
        return new Read(wave, new AnswerImportPreview(table.header(), columns, values, rows, fileErrors, stored),
                responses);
    }

    /** A number's or a text's cell as it is. */
    private static List<String> plain(String cell) {
        return cell == null || cell.isBlank() ? List.of() : List.of(cell.strip());
    }

    /** Whether a file's (lower-cased) header names the question: its comparable key or its wording. */
    private static boolean names(Question question, String header) {
        return question.comparableKey() != null && header.equals(question.comparableKey().toLowerCase(Locale.ROOT))
                || header.equals(question.text().in(Locale.GERMAN).strip().toLowerCase(Locale.ROOT))
                || header.equals(question.text().in(Locale.ENGLISH).strip().toLowerCase(Locale.ROOT));
    }

    private String summary(ResponseBatch.Response response, Map<QuestionId, List<String>> given,
            List<District> districts, Locale locale) {
        var district = districts.stream().filter(d -> d.id().value().equals(response.district())).map(District::name)
                .findFirst().orElse("–");
        return messages.getMessage("survey.import.row.summary", new Object[] {given.size(), district}, locale);
    }
}
