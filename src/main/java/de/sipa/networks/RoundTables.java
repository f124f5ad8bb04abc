package de.sipa.networks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.identity.Tenancy;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The network's own bodies and meetings (the county's round table of the towns' coordinators). The host's coordination
 * keeps them; the member towns' coordination reads them, their meetings with date, place, agenda and minutes, and who
 * sits at the table. Bodies and meetings are read under row-level security alone (V114 opens them read-only to the
 * members), never across partnerships: a member sees nothing else of the host.
 */
@Service
@Transactional
public class RoundTables {

    static final int MAX_AGENDA = 4000;
    static final int MAX_MINUTES = 20000;

    private final NetworkBodyRepository repository;
    private final NetworkRepository networks;
    private final Partnerships partnerships;
    private final Accounts accounts;
    private final Tenancy tenancy;
    private final AuditTrail auditTrail;

    RoundTables(NetworkBodyRepository repository, NetworkRepository networks, Partnerships partnerships,
            Accounts accounts, Tenancy tenancy, AuditTrail auditTrail) {
        this.repository = repository;
        this.networks = networks;
        this.partnerships = partnerships;
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.auditTrail = auditTrail;
    }

    /** The bodies of the network the partnership hosts and of the networks it is a member of. */
    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public List<NetworkBody> bodies() {
        return repository.bodies();
    }

    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public NetworkBody body(UUID id) {
        return repository.body(id).orElseThrow(() -> new NotFoundException("Network body", id));
    }

    /** The network's name as its host or a member sees it. */
    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public String networkName(NetworkBody body) {
        return repository.networkName(body.network()).orElseThrow();
    }

    /** A body's meetings, the latest first. */
    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public List<NetworkMeeting> meetings(UUID body) {
        return repository.meetings(body(body).id());
    }

    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public NetworkMeeting meeting(UUID id) {
        return repository.meeting(id).orElseThrow(() -> new NotFoundException("Network meeting", id));
    }

    /** Whether the current partnership keeps the body (its host), and so may plan its meetings. */
    public boolean keeps(NetworkBody body) {
        return CurrentUser.find().map(u -> body.host().equals(u.partnership())).orElse(false);
    }

    /**
     * Who sits at the body: each member town with its coordinators' names. Reads across partnerships (the towns'
     * accounts), so it first makes sure the caller sees the body, and returns nothing but names.
     */
    @PreAuthorize(NetworkPermissions.READ)
    @Transactional(readOnly = true)
    public List<RoundTableMember> members(UUID id) {
        var body = body(id);
        tenancy.acrossPartnerships();
        var seats = new ArrayList<RoundTableMember>();
        for (var town : networks.members(body.network())) {
            var name = partnerships.find(town).map(Partnership::name).orElse("");
            var coordinators = NetworkRollUp.asTown(town, () -> accounts.ofMyPartnership().stream()
                    .filter(a -> a.enabled() && a.role() == Role.COORDINATOR)
                    .map(a -> a.displayName()).sorted().toList());
            seats.add(new RoundTableMember(name, coordinators));
        }
        seats.sort(java.util.Comparator.comparing(RoundTableMember::town,
                java.text.Collator.getInstance(java.util.Locale.GERMAN)));
        return seats;
    }

    /** The host's coordination sets up a body of its network. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public UUID create(String name, String purpose) {
        var network = networks.hostedBy(CurrentUser.partnership())
                .orElseThrow(() -> new RuleViolationException("network.body.noNetwork"));
        var text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > Networks.MAX_TEXT) {
            throw new RuleViolationException("network.body.name.invalid", Networks.MAX_TEXT);
        }
        var about = purpose == null ? "" : purpose.strip();
        if (about.length() > 2000) {
            throw new RuleViolationException("network.body.purpose.tooLong", 2000);
        }
        var body = new NetworkBody(UUID.randomUUID(), network.host(), network.id(), text, about);
        repository.insert(body);
        auditTrail.record(AuditAction.CREATED, "NetworkBody", body.id(), text);
        return body.id();
    }

    /** The host's coordination plans a meeting of one of its bodies. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public UUID schedule(UUID bodyId, Instant startsAt, String location, String agenda) {
        var body = kept(bodyId);
        if (startsAt == null) {
            throw new RuleViolationException("network.meeting.date.required");
        }
        var place = location == null ? "" : location.strip();
        if (place.isEmpty() || place.length() > Networks.MAX_TEXT) {
            throw new RuleViolationException("network.meeting.location.invalid", Networks.MAX_TEXT);
        }
        var items = agenda == null ? "" : agenda.strip();
        if (items.length() > MAX_AGENDA) {
            throw new RuleViolationException("network.meeting.agenda.tooLong", MAX_AGENDA);
        }
        var meeting = new NetworkMeeting(UUID.randomUUID(), body.id(), startsAt, place,
                Arrays.stream(items.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList(), null);
        repository.insert(body.host(), meeting);
        auditTrail.record(AuditAction.CREATED, "NetworkMeeting", meeting.id(), body.name());
        return meeting.id();
    }

    /** The host's coordination writes (or corrects) a meeting's minutes. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void writeMinutes(UUID meetingId, String minutes) {
        var meeting = meeting(meetingId);
        var body = kept(meeting.body());
        var text = minutes == null ? "" : minutes.strip();
        if (text.length() > MAX_MINUTES) {
            throw new RuleViolationException("network.meeting.minutes.tooLong", MAX_MINUTES);
        }
        repository.minutes(meeting.id(), text.isEmpty() ? null : text);
        auditTrail.record(AuditAction.CHANGED, "NetworkMeeting", meeting.id(),
                auditTrail.summary("audit.network.minutes", body.name()));
    }

    /** A body the current partnership keeps; a member's view of another's body is not one to change (404). */
    private NetworkBody kept(UUID id) {
        var body = body(id);
        if (!keeps(body)) {
            throw new NotFoundException("Network body kept by", CurrentUser.partnership());
        }
        return body;
    }
}
