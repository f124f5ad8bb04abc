package de.sipa.identity;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final List<ClientRegistration> oidcClients;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        var repository = oidcClients.getIfAvailable();
        this.oidcClients = repository instanceof InMemoryClientRegistrationRepository registrations
                ? java.util.stream.StreamSupport.stream(registrations.spliterator(), false).toList()
                : List.of();
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcClients", oidcClients);
        return "identity/login";
    }
}
