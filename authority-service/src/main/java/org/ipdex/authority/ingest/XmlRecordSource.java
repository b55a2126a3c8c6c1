package org.ipdex.authority.ingest;

import org.ipdex.authority.definition.OfficeDefinitions;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an ST.37 XML file: the root and definition part first (the header), then one
 * {@code authority-file-entry} per {@link #advance}. Inside an entry only the publication's own document-id is
 * read; application references and priority claims are skipped (their country/doc-number are not the entry's).
 *
 * <p>Deletions in differential files: an entry with {@code action="delete"} (also accepted: {@code operation} or
 * {@code update-type} with {@code delete}/{@code deleted}) removes that number and kind from the active set.
 */
final class XmlRecordSource implements RecordSource {

    static final String ROOT = "authority-file";
    private static final String ENTRY = "authority-file-entry";
    private static final String DEFINITION = "authority-file-definition";

    private final XMLStreamReader xml;
    private final InputStream in;
    private final FileHeader header;
    private boolean entryPending;
    private long pendingLine;
    private boolean pendingDelete;
    private RawRecord current;

    XmlRecordSource(XMLStreamReader xml, InputStream in) {
        this.xml = xml;
        this.in = in;
        try {
            this.header = readHeader();
        } catch (XMLStreamException e) {
            throw malformed(e, xml.getLocation());
        }
    }

    @Override
    public FileHeader header() {
        return header;
    }

    @Override
    public boolean advance() throws IOException {
        try {
            if (!entryPending && !nextEntryStart()) {
                return false;
            }
            entryPending = false;
            current = readEntry(pendingLine, pendingDelete);
            return true;
        } catch (XMLStreamException e) {
            throw malformed(e, xml.getLocation());
        }
    }

    @Override
    public RawRecord current() {
        return current;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a half-read document: the stream below is closed next anyway
        }
        in.close();
    }

    private FileHeader readHeader() throws XMLStreamException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, the DOCTYPE (never loaded)
        }
        if (!xml.isStartElement()) {
            throw new MalformedFileException("No root element: the file is empty or not XML", 1, null);
        }
        // a separate definition file has the definition part as its root, and no entries
        if (!ROOT.equals(xml.getLocalName()) && !DEFINITION.equals(xml.getLocalName())) {
            throw new MalformedFileException("The root element is <" + xml.getLocalName() + ">, not <" + ROOT + ">",
                    xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
        }
        Optional<String> office = Optional.ofNullable(attribute("country")).map(String::strip).filter(s -> !s.isEmpty());
        Optional<LocalDate> produced = date(attribute("date-produced"));
        Optional<UpdateCategory> category = UpdateCategory.of(attribute("update-af-category"));
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> exceptions = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case ENTRY -> {
                        markEntry();
                        return new FileHeader(office, produced, category, new OfficeDefinitions(kinds, exceptions));
                    }
                    case "authority-file-definition" -> {
                        Optional<UpdateCategory> declared = UpdateCategory.of(attribute("update-af-category"));
                        category = declared.isPresent() ? declared : category;
                    }
                    case "exception-code-definition" -> definition("exception-code", exceptions);
                    case "document-kind-code-definition" -> definition("kind", kinds);
                    default -> {
                        // data coverage, most-recent-document: informative only
                    }
                }
            }
        }
        return new FileHeader(office, produced, category, new OfficeDefinitions(kinds, exceptions));
    }

    /** Reads one {@code (code, description)} pair of the definition part into the map. */
    private void definition(String codeElement, Map<String, String> into) throws XMLStreamException {
        String definitionElement = xml.getLocalName();
        String code = null;
        String description = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals(codeElement)) {
                    code = xml.getElementText().strip();
                } else if (xml.getLocalName().endsWith("-description")) {
                    description = xml.getElementText().strip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(definitionElement)) {
                break;
            }
        }
        if (code != null && !code.isEmpty()) {
            into.put(code, description);
        }
    }

    private boolean nextEntryStart() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && ENTRY.equals(xml.getLocalName())) {
                markEntry();
                return true;
            }
        }
        return false;
    }

    private void markEntry() {
        entryPending = true;
        pendingLine = xml.getLocation().getLineNumber();
        String action = attribute("action");
        action = action != null ? action : attribute("operation");
        action = action != null ? action : attribute("update-type");
        pendingDelete = action != null && (action.equalsIgnoreCase("delete") || action.equalsIgnoreCase("deleted"));
    }

    private RawRecord readEntry(long line, boolean delete) throws XMLStreamException {
        String country = "";
        String number = "";
        String kind = "";
        String date = "";
        String exception = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "country" -> country = xml.getElementText().strip();
                    case "doc-number" -> number = xml.getElementText().strip();
                    case "kind" -> kind = xml.getElementText().strip();
                    case "date", "publication-date" -> date = xml.getElementText().strip();
                    case "exception-code" -> exception = xml.getElementText().strip();
                    case "application-reference", "priority-claims", "priority-claim" -> skipElement();
                    default -> {
                        // wrappers (publication-reference, document-id) and searchable-text indicators
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && ENTRY.equals(xml.getLocalName())) {
                return new RawRecord(line, country, number, kind, date, exception, delete);
            }
        }
        throw new MalformedFileException("The file ends inside an entry (cut off?)", line, null);
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param reached where the reader was: an encoding error (bytes that are not UTF-8) comes from below the parser
     *                as an {@code IOException} without a location, and the uploader still needs to know where
     */
    static MalformedFileException malformed(XMLStreamException e, Location reached) {
        Location at = e.getLocation() != null ? e.getLocation() : reached;
        String message = e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the location is reported separately
        int cut = message == null ? -1 : message.indexOf("Message: ");
        String text = cut >= 0 ? message.substring(cut + 9) : String.valueOf(message);
        return new MalformedFileException("Not well-formed XML: " + text,
                at == null ? 1 : Math.max(1, at.getLineNumber()), at == null || at.getColumnNumber() < 1 ? null
                : at.getColumnNumber());
    }
}
