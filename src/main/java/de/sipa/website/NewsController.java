package de.sipa.website;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** The coordination's news for the website, and the named partners' approval of a joint statement. */
@Controller
@RequestMapping("/website/neuigkeiten")
class NewsController {

    private final NewsPosts news;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;

    NewsController(NewsPosts news, Organisations organisations, Partnerships partnerships, MessageSource messages) {
        this.news = news;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    /** The form's fields; {@code partners} are the ids of the organisations named in a joint statement. */
    record NewsForm(String title, String teaser, String text, List<UUID> partners) {

        NewsForm {
            partners = partners == null ? List.of() : partners;
        }

        static NewsForm empty() {
            return new NewsForm("", "", "", List.of());
        }

        static NewsForm of(NewsPost post) {
            return new NewsForm(post.title(), post.teaser(), post.body(),
                    post.approvals().stream().map(a -> a.organisation().value()).toList());
        }

        PostDraft draft() {
            return new PostDraft(title, teaser, text, partners);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("posts", news.posts());
        model.addAttribute("siteSlug", partnerships.mine().slug());
        return "website/list";
    }

    @GetMapping("/neu")
    @PreAuthorize(WebsitePermissions.WRITE)
    String create(Model model) {
        return form(model, null, NewsForm.empty(), null);
    }

    @PostMapping("/neu")
    @PreAuthorize(WebsitePermissions.WRITE)
    String create(NewsForm form, Model model, RedirectAttributes redirect) {
        try {
            var id = news.write(form.draft());
            redirect.addFlashAttribute("success", "newsPost.saved");
            return "redirect:/website/neuigkeiten/" + id;
        } catch (RuleViolationException e) {
            return form(model, null, form, e.describe(messages));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var post = news.post(new NewsPostId(id));
        model.addAttribute("post", post);
        model.addAttribute("mayAnswer", NewsPosts.mayAnswer(post));
        model.addAttribute("siteSlug", partnerships.mine().slug());
        return "website/detail";
    }

    @GetMapping("/{id}/bearbeiten")
    @PreAuthorize(WebsitePermissions.WRITE)
    String edit(@PathVariable UUID id, Model model) {
        var post = news.post(new NewsPostId(id));
        return form(model, post, NewsForm.of(post), null);
    }

    @PostMapping("/{id}/bearbeiten")
    @PreAuthorize(WebsitePermissions.WRITE)
    String edit(@PathVariable UUID id, NewsForm form, Model model, RedirectAttributes redirect) {
        try {
            news.change(new NewsPostId(id), form.draft());
            redirect.addFlashAttribute("success", "newsPost.saved");
            return "redirect:/website/neuigkeiten/" + id;
        } catch (RuleViolationException e) {
            return form(model, news.post(new NewsPostId(id)), form, e.describe(messages));
        }
    }

    @PostMapping("/{id}/einreichen")
    @PreAuthorize(WebsitePermissions.WRITE)
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        var outcome = new PostStatus[1];
        if (FlashSteps.run(redirect, messages, "newsPost.submitted", () -> outcome[0] = news.submit(new NewsPostId(id)))
                && outcome[0] == PostStatus.PUBLISHED) {
            redirect.addFlashAttribute("success", "newsPost.publishedNow");
        }
        return "redirect:/website/neuigkeiten/" + id;
    }

    @PostMapping("/{id}/zustimmen")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        var outcome = new PostStatus[1];
        if (FlashSteps.run(redirect, messages, "newsPost.approvedByYou", () -> outcome[0] = news.approve(new NewsPostId(id)))
                && outcome[0] == PostStatus.PUBLISHED) {
            redirect.addFlashAttribute("success", "newsPost.publishedNow");
        }
        return "redirect:/website/neuigkeiten/" + id;
    }

    @PostMapping("/{id}/ablehnen")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "newsPost.declinedByYou",
                () -> news.decline(new NewsPostId(id), note), FlashSteps.typed("note", note));
        return "redirect:/website/neuigkeiten/" + id;
    }

    @PostMapping("/{id}/zurueckziehen")
    @PreAuthorize(WebsitePermissions.WRITE)
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "newsPost.withdrawn", () -> news.withdraw(new NewsPostId(id)));
        return "redirect:/website/neuigkeiten/" + id;
    }

    private String form(Model model, NewsPost post, NewsForm form, String problem) {
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("problem", problem);
        return "website/form";
    }
}
