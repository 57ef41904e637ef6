package org.dailypapers.paper;

import java.util.List;
import java.util.Objects;

/**
 * What Hugging Face says about a paper beyond its metadata, as an import saw it: the id of the paper's discussion
 * on the Hub, and the repository ids of the models, datasets and Spaces linked to it. Null means "not given"
 * (an import without the field keeps what is stored); an empty list means "given, and none".
 */
public record HubLinks(ArxivId id, String discussionId, List<String> models, List<String> datasets, List<String> spaces) {
    public HubLinks {
        Objects.requireNonNull(id, "id");
        models = models == null ? null : List.copyOf(models);
        datasets = datasets == null ? null : List.copyOf(datasets);
        spaces = spaces == null ? null : List.copyOf(spaces);
    }

    /** Nothing known about the paper: what a paper never imported from Hugging Face has. */
    public static HubLinks none(ArxivId id) {
        return new HubLinks(id, null, null, null, null);
    }

    /** Whether this says anything at all (an import item without any of the fields says nothing). */
    public boolean isEmpty() {
        return discussionId == null && models == null && datasets == null && spaces == null;
    }

    /** This, with every field {@code newer} gives replacing this one's: so a later import without a field loses nothing. */
    public HubLinks mergedWith(HubLinks newer) {
        return new HubLinks(id,
                newer.discussionId != null ? newer.discussionId : discussionId,
                newer.models != null ? newer.models : models,
                newer.datasets != null ? newer.datasets : datasets,
                newer.spaces != null ? newer.spaces : spaces);
    }

    /** The models, or an empty list where none are known. */
    public List<String> modelsOrEmpty() {
        return models == null ? List.of() : models;
    }

    public List<String> datasetsOrEmpty() {
        return datasets == null ? List.of() : datasets;
    }

    public List<String> spacesOrEmpty() {
        return spaces == null ? List.of() : spaces;
    }
}
