package io.shareflow.api.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.shareflow.api.opening.LinkOpener;
import io.shareflow.api.opening.OpenedShare;
import io.shareflow.api.opening.ResourceSummary;
import io.shareflow.api.opening.SharedBy;

/**
 * What the page of an opened share shows, in words: everything comes from the {@link OpenedShare} the opener
 * answered, nothing from anywhere else. The template escapes every value ({@code th:text}).
 */
record SharePage(String resourceName, String kind, String documentType, boolean container, List<Item> items,
                 boolean moreItems, String sharerName, String sharerEmail, String sharedAt, String role,
                 String access, String expires, String linkName, String audience) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    /** A folder's or collection's item. */
    record Item(String name, String kind, String documentType) {
    }

    static SharePage of(OpenedShare share) {
        ResourceSummary resource = share.resource();
        SharedBy by = share.sharedBy();
        boolean container = !"file".equals(resource.kind());
        return new SharePage(resource.name(), kind(resource.kind()), documentType(resource.documentType()), container,
                share.items().stream().map(i -> new Item(i.name(), kind(i.kind()), documentType(i.documentType()))).toList(),
                share.items().size() >= LinkOpener.MAX_ITEMS,
                person(by), by.name() == null ? null : by.email(), when(share.sharedAt()),
                capitalised(share.role()), access(share.role(), share.canDownload()),
                share.expiresAt() == null ? null : when(share.expiresAt()), share.name(), audience(share.audience()));
    }

    /** The sharer as a person reads them: the name, else the address, else "someone". */
    static String person(SharedBy by) {
        if (by == null) {
            return "the person who shared it";
        }
        if (by.name() != null && !by.name().isBlank()) {
            return by.name();
        }
        return by.email() != null && !by.email().isBlank() ? by.email() : "the person who shared it";
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    static String kind(String kind) {
        return switch (kind) {
            case "file" -> "File";
            case "folder" -> "Folder";
            case "collection" -> "Collection";
            default -> capitalised(kind);
        };
    }

    static String documentType(String documentType) {
        if (documentType == null) {
            return null;
        }
        return switch (documentType) {
            case "asset-document" -> "Asset document";
            case "maintenance-file" -> "Maintenance file";
            case "internal" -> "Internal document";
            default -> capitalised(documentType.replace('-', ' '));
        };
    }

    private static String access(String role, boolean canDownload) {
        return switch (role) {
            case "viewer" -> "You can view it.";
            case "downloader" -> "You can view and download it.";
            case "contributor" -> "You can view, download and add to it.";
            case "manager" -> "You can view, download and add to it, and share it with others.";
            default -> canDownload ? "You can view and download it." : "You can view it.";
        };
    }

    private static String audience(String audience) {
        if (audience == null) {
            return "Shared with you personally.";
        }
        return switch (audience) {
            case "anyone" -> "Anyone who has this link can open it.";
            case "organization" -> "Members of the sharer's organisation can open it, signed in.";
            case "users" -> "Only the people it was shared with can open it, signed in.";
            case "password" -> "Anyone who has this link and its password can open it.";
            default -> null;
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
