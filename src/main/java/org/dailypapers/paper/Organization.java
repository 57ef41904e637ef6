package org.dailypapers.paper;

import java.util.Objects;

/**
 * A research organization as Hugging Face names it: {@code name} is the stable handle used in URLs
 * ({@code google}), {@code fullname} the display name ({@code Google}); avatar may be null.
 */
public record Organization(String name, String fullname, String avatarUrl) {
    public Organization {
        Objects.requireNonNull(name, "name");
        // Hugging Face's display names carry stray spaces (" IST Austria ...", "technology  of china")
        fullname = fullname == null || fullname.isBlank() ? name : fullname.strip().replaceAll("\\s+", " ");
    }

    /** This organization updated by a newer record of it: what the newer one does not know is kept. */
    public Organization mergedWith(Organization newer) {
        if (!newer.name.equals(name)) {
            return newer;
        }
        return new Organization(name, newer.fullname, newer.avatarUrl != null ? newer.avatarUrl : avatarUrl);
    }

    public String displayName() {
        return fullname;
    }
}
