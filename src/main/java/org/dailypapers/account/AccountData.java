package org.dailypapers.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dailypapers.store.Database;

/**
 * "Your data is yours": the registry of every capability's {@link PersonalData}, the data export that collects
 * their sections into one document, and the account deletion that has each of them erase its rows in one
 * transaction with the account itself. Sign-in data (sessions, sign-in links) is a part of its own, always
 * present. The composition root registers each other part with one call to {@link #register}. Thread-safe.
 */
public final class AccountData {
    /** The export's format, for whoever reads the file later. */
    public static final String FORMAT = "dailypapers-export/1";

    private final AccountRepository repository;
    private final Clock clock;
    private final Runnable afterDelete;
    private final List<PersonalData> parts = new CopyOnWriteArrayList<>();

    /** @param afterDelete runs after a deletion committed (shared page caches are dropped: counts and names changed) */
    public AccountData(Database database, Clock clock, Runnable afterDelete) {
        this.repository = new AccountRepository(database);
        this.clock = clock;
        this.afterDelete = afterDelete;
        register(new SignInPersonalData(database));
    }

    /**
     * Adds a part to every later export and deletion; erased in the order registered.
     *
     * @throws IllegalArgumentException when its section is {@code account} or already registered
     */
    public synchronized AccountData register(PersonalData part) {
        if (part.section().equals("account") || part.section().equals("format") || sections().contains(part.section())) {
            throw new IllegalArgumentException("section '" + part.section() + "' is taken");
        }
        parts.add(part);
        return this;
    }

    /** The registered sections, in order. */
    public List<String> sections() {
        return parts.stream().map(PersonalData::section).toList();
    }

    /**
     * Everything the person made, ready for JSON: {@code format}, {@code exportedAt}, {@code account} (email,
     * handle, display name, created), then each part's section. Nothing secret (no token or hash).
     */
    public Map<String, Object> export(Account account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("exportedAt", clock.instant().toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("email", account.email().value());
        about.put("handle", account.handle());
        about.put("displayName", account.displayName());
        about.put("createdAt", account.createdAt().toString());
        out.put("account", about);
        for (PersonalData part : parts) {
            out.put(part.section(), part.export(account.id()));
        }
        return out;
    }

    /**
     * Deletes the account: every part erases (or anonymises) the person's rows, then the account row goes, all
     * in one transaction, so a failure anywhere leaves everything as it was. Signed out everywhere (sessions
     * are a part).
     */
    public void delete(Account account) {
        repository.delete(account.id(), List.copyOf(parts));
        afterDelete.run();
    }
}
