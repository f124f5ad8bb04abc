package de.sipa.surveys;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.ImportColumns;
import de.sipa.shared.RuleViolationException;

/**
 * Importing an external wave's answers: upload the CSV file, assign its columns to the questions and the values of
 * choice questions to their answers, see every row's problems, then import or cancel. The file and the mapping travel
 * with the preview's form; nothing is stored before the import.
 */
@Controller
@RequestMapping("/umfragen/wellen/{id}/import")
@PreAuthorize(SurveyPermissions.MANAGE)
class AnswerImportController {

    private final Surveys surveys;
    private final AnswerImport imports;
    private final MessageSource messages;

    AnswerImportController(Surveys surveys, AnswerImport imports, MessageSource messages) {
        this.surveys = surveys;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String form(@PathVariable UUID id, Model model) {
        var wave = surveys.wave(new SurveyWaveId(id));
        model.addAttribute("wave", wave);
        model.addAttribute("maxMegabytes", AnswerImport.MAX_BYTES / 1024 / 1024);
        model.addAttribute("noAnswer", AnswerImportMapping.NO_ANSWER);
        if (wave.mode() != WaveMode.EXTERNAL) {
            model.addAttribute("problem", messages.getMessage("survey.import.notExternal", new Object[] {wave.title()},
                    LocaleContextHolder.getLocale()));
        }
        return "surveys/import";
    }

    @PostMapping("/preview")
    String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        return preview(id, file.getBytes(), AnswerImportMapping.columns(Map.of()), file.getOriginalFilename(), model);
    }

    @PostMapping("/check")
    String check(@PathVariable UUID id, @RequestParam String content, @RequestParam(defaultValue = "") String fileName,
            @RequestParam MultiValueMap<String, String> params, Model model) {
        return preview(id, ImportColumns.decode(content), mapping(id, params), fileName, model);
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable UUID id, @RequestParam String content,
            @RequestParam(defaultValue = "") String fileName, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        var file = ImportColumns.decode(content);
        var mapping = mapping(id, params);
        int stored;
        try {
            stored = imports.confirm(new SurveyWaveId(id), file, mapping, LocaleContextHolder.getLocale());
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return preview(id, file, mapping, fileName, model);
        }
        redirect.addFlashAttribute("success", "survey.import.done");
        redirect.addFlashAttribute("imported", stored);
        return "redirect:/umfragen/wellen/" + id;
    }

    /**
     * The columns ({@code column.KEY=header}) and the values ({@code value.KEY} and {@code target.KEY}, one pair per
     * value, in the form's order) as the preview's form posts them.
     */
    private AnswerImportMapping mapping(UUID id, MultiValueMap<String, String> params) {
        var keys = imports.columnKeys(new SurveyWaveId(id));
        var values = new HashMap<String, Map<String, String>>();
        for (var key : keys) {
            var found = params.getOrDefault("value." + key, List.of());
            var targets = params.getOrDefault("target." + key, List.of());
            var mapped = new HashMap<String, String>();
            for (int i = 0; i < found.size() && i < targets.size(); i++) {
                mapped.put(found.get(i), targets.get(i));
            }
            values.put(key, mapped);
        }
        return new AnswerImportMapping(ImportColumns.fromForm(keys, key -> key, params), values);
    }

    private String preview(UUID id, byte[] file, AnswerImportMapping mapping, String fileName, Model model) {
        form(id, model);
        try {
            model.addAttribute("preview", imports.preview(new SurveyWaveId(id), file, mapping,
                    LocaleContextHolder.getLocale()));
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
        }
        model.addAttribute("upload", ImportColumns.encode(file));
        model.addAttribute("fileName", fileName);
        return "surveys/import";
    }
}
