package de.sipa.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/** What the layout shows on every page: the user and the name of their partnership. */
@ControllerAdvice
class LayoutModel {

    private final Partnerships partnerships;

    LayoutModel(Partnerships partnerships) {
        this.partnerships = partnerships;
    }

    @ModelAttribute("currentUser")
    SipaUser currentUser() {
        return CurrentUser.find().orElse(null);
    }

    @ModelAttribute("partnershipName")
    String partnershipName() {
        return CurrentUser.find().map(user -> partnerships.mine().name()).orElse(null);
    }
}
