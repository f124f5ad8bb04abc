package de.sipa.networks;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;

/** The partnership's cooperation agreement: the coordination records it and its signed document; the public reads it if agreed. */
@Controller
class AgreementController {

    private final PartnershipAgreements agreements;
    private final Partnerships partnerships;
    private final MessageSource messages;

    AgreementController(PartnershipAgreements agreements, Partnerships partnerships, MessageSource messages) {
        this.agreements = agreements;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    @GetMapping("/network/agreement")
    String agreement(Model model) {
        model.addAttribute("agreement", agreements.mine().orElse(null));
        model.addAttribute("slug", partnerships.mine().slug());
        return "networks/agreement";
    }

    @PostMapping("/network/agreement")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String save(@RequestParam String title, @RequestParam String parties, @RequestParam String fields,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn,
            @RequestParam(defaultValue = "false") boolean published, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "agreement.saved", () -> agreements.save(
                new PartnershipAgreement(title, parties, fields, startsOn, endsOn, reviewOn, published, null)),
                "/network/agreement");
    }

    @PostMapping("/network/agreement/document")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String upload(@RequestParam MultipartFile document, RedirectAttributes redirect) throws IOException {
        var content = document.getBytes();
        return FlashSteps.runAndShow(redirect, messages, "agreement.document.saved",
                () -> agreements.attach(document.getOriginalFilename(), content), "/network/agreement");
    }

    @GetMapping("/network/agreement/document")
    ResponseEntity<byte[]> document() {
        return send(agreements.document().orElseThrow(() -> new NotFoundException("Agreement document", "")));
    }

    @GetMapping("/buerger/{slug}/kooperationsvereinbarung")
    String published(@PathVariable String slug, Model model) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        model.addAttribute("agreement", agreements.published(partnership.id())
                .orElseThrow(() -> new NotFoundException("Published agreement", slug)));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", slug);
        return "networks/agreement-public";
    }

    @GetMapping("/buerger/{slug}/kooperationsvereinbarung.pdf")
    ResponseEntity<byte[]> publishedDocument(@PathVariable String slug) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        return send(agreements.publishedDocument(partnership.id())
                .orElseThrow(() -> new NotFoundException("Published agreement", slug)));
    }

    private static ResponseEntity<byte[]> send(PartnershipAgreements.Document document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
