package org.ipdex.catalog.subscription;

import org.ipdex.catalog.api.VersionSummary;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes an Atom (RFC 4287) feed of versions: one entry per version, categorised {@code new-version} or
 * {@code breaking-change}, so a feed reader can filter on breaking changes alone. Written with StAX, which escapes
 * whatever an office put in its titles.
 */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** @param titles API id → title, for entry titles */
    record Content(String id, String title, String self, List<VersionSummary> versions, Map<String, String> titles) {
    }

    private AtomFeed() {
    }

    static String write(Content feed, PublicLinks links) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            Instant updated = feed.versions().isEmpty() ? Instant.EPOCH : feed.versions().get(0).createdAt();
            text(xml, "updated", updated.toString());
            link(xml, "self", feed.self(), MEDIA_TYPE);
            xml.writeStartElement("author");
            text(xml, "name", "ipdex catalogue");
            xml.writeEndElement();
            for (VersionSummary version : feed.versions()) {
                entry(xml, version, feed.titles().getOrDefault(version.apiId(), version.apiId()), links);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, VersionSummary version, String title, PublicLinks links)
            throws XMLStreamException {
        boolean breaking = version.breakingChange();
        xml.writeStartElement("entry");
        text(xml, "id", "tag:ipdex,2024:apis/" + version.apiId() + "/versions/" + version.number());
        text(xml, "title", (breaking ? "BREAKING CHANGE: " : "") + title + " version " + version.number()
                + (version.specVersion() == null ? "" : " (" + version.specVersion() + ")"));
        text(xml, "updated", version.createdAt().toString());
        link(xml, "alternate", links.version(version.apiId(), version.number()), "application/json");
        link(xml, "related", links.version(version.apiId(), version.number()) + "/spec", version.mediaType());
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", breaking ? "breaking-change" : "new-version");
        text(xml, "summary", summary(version));
        xml.writeEndElement();
    }

    private static String summary(VersionSummary version) {
        StringBuilder summary = new StringBuilder("Version ").append(version.number()).append(" of ")
                .append(version.apiId()).append(" (").append(version.sourceFormat()).append(")");
        if (version.st90Level() != null) {
            summary.append("; ST.90 level ").append(version.st90Level()).append(", score ").append(version.st90Score());
        }
        if (version.diffVerdict() != null) {
            summary.append("; changes against version ").append(version.number() - 1).append(": ")
                    .append(version.diffVerdict());
        }
        if (version.breakingChange()) {
            summary.append(". Clients of this production API will break.");
        }
        return summary.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
