package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Session;
import org.dailypapers.collection.CollectionContents;
import org.dailypapers.collection.CollectionItem;
import org.dailypapers.collection.PaperCollection;
import org.dailypapers.collection.PaperCollections;

/**
 * Collections as JSON: {@code GET /api/collections/{id}} (a collection with its papers in order, each in
 * Hugging Face's paper shape with the owner's note) and {@code GET /api/users/{handle}/collections} (a
 * person's collections without items). Private collections only for their owner's session; for anyone else
 * they do not exist (404).
 */
final class CollectionApiRoutes {
    private final PaperCollections collections;
    private final Accounts accounts;
    private final Visitors visitors;
    private final ObjectMapper json;
    private final HfJson hf;

    CollectionApiRoutes(PaperCollections collections, Accounts accounts, Visitors visitors, ObjectMapper json) {
        this.collections = collections;
        this.accounts = accounts;
        this.visitors = visitors;
        this.json = json;
        this.hf = new HfJson(json);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/collections/{id}", this::collection);
        routes.get("/api/users/{handle}/collections", this::ofUser);
    }

    private void collection(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        AccountRoutes.noStore(ctx);
        CollectionContents contents = collections.contents(ctx.pathParam("id"), viewer(ctx)).orElseThrow(() -> HttpProblem.notFound(
                "There is no collection " + PaperRoutes.shorten(ctx.pathParam("id")) + " (or it is private)."));
        ObjectNode node = summary(contents.collection());
        ArrayNode items = node.putArray("items");
        for (CollectionItem item : contents.items()) {
            items.addObject().put("note", item.note()).put("addedAt", Timestamps.hf(item.addedAt()))
                    .set("paper", hf.paper(item.record().paper(), item.record().entry()));
        }
        send(ctx, node);
    }

    private void ofUser(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        AccountRoutes.noStore(ctx);
        String handle = ctx.pathParam("handle");
        Account owner = accounts.byHandle(handle).orElseThrow(() -> HttpProblem.notFound(
                "Nobody called '" + PaperRoutes.shorten(handle) + "' has an account here."));
        ArrayNode list = json.createArrayNode();
        collections.ownedBy(owner, viewer(ctx)).forEach(c -> list.add(summary(c)));
        send(ctx, list);
    }

    /**
     * Names, descriptions and notes are people's text: written with {@code < > & '} as JSON escapes (as error
     * bodies are), so no markup typed into a collection appears in an answer, even to a client that sniffs.
     */
    private void send(Context ctx, com.fasterxml.jackson.databind.JsonNode body) throws com.fasterxml.jackson.core.JsonProcessingException {
        ctx.contentType("application/json").result(json.writer(ErrorHandling.HtmlSafeEscapes.INSTANCE).writeValueAsString(body));
    }

    private Optional<Account> viewer(Context ctx) {
        return visitors.session(ctx).map(Session::account);
    }

    private ObjectNode summary(PaperCollection c) {
        ObjectNode node = json.createObjectNode().put("id", c.id()).put("name", c.name()).put("description", c.description())
                .put("public", c.isPublic()).put("numPapers", c.size())
                .put("createdAt", Timestamps.hf(c.createdAt())).put("updatedAt", Timestamps.hf(c.updatedAt()));
        node.putObject("owner").put("user", c.ownerHandle()).put("fullname", c.ownerName());
        node.put("url", CollectionRoutes.path(c.id())).put("bibtex", CollectionRoutes.path(c.id()) + ".bib")
                .put("cslJson", CollectionRoutes.path(c.id()) + ".csl.json");
        return node;
    }
}
