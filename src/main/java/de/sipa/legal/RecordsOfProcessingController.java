package de.sipa.legal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The records of processing activities, for the coordination and the data protection officer it hands them to. */
@Controller
class RecordsOfProcessingController {

    private final RecordsOfProcessing records;

    RecordsOfProcessingController(RecordsOfProcessing records) {
        this.records = records;
    }

    @GetMapping("/partnership/records-of-processing")
    @PreAuthorize(LegalPermissions.EDIT)
    String page(Model model) {
        model.addAttribute("entries", records.entries());
        return "legal/records-of-processing";
    }
}
