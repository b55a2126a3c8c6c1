package org.ipdex.cli.authority;

import com.ctc.wstx.stax.WstxOutputFactory;
import org.ipdex.authority.ingest.AuthorityRow;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * ST.37 v2.2 XML in the DTD's layout (../shared/reference/st37.md): the root with country and production date, the
 * definition part (exception and kind codes with descriptions, most recent document, data coverage), then one
 * {@code authority-file-entry} per line of the input. Written with StAX, which escapes whatever the input holds.
 */
final class St37XmlSink implements St37Sink {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    /** Written as bytes: StAX writers quote the declaration their own way, and offices' files look like this. */
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE authority-file SYSTEM \"ST37AuthorityFile_V2-2.dtd\">\n";
    private final OutputStream out;
    private XMLStreamWriter xml;
    private String office;

    St37XmlSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(Head head) throws IOException {
        office = head.office();
        out.write(PROLOG.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            XMLOutputFactory factory = new WstxOutputFactory();
            xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartElement("authority-file");
            xml.writeAttribute("country", head.office());
            xml.writeAttribute("date-produced", head.producedOn().format(BASIC));
            xml.writeAttribute("dtd-version", "2.2");
            line();
            definition(head);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void definition(Head head) throws XMLStreamException {
        FileStatistics stats = head.statistics();
        xml.writeStartElement("authority-file-definition");
        xml.writeAttribute("grouped-af-indicator", "no");
        xml.writeAttribute("update-af-category", head.category().id());
        line();
        codes("exception-code-list", "exception-code-definition", "exception-code", "exception-code-description",
                head.definitions().exceptionCodes());
        codes("document-kind-code-list", "document-kind-code-definition", "kind", "document-kind-code-description",
                head.definitions().kinds());
        if (stats.lastDayNumber != null) {
            xml.writeEmptyElement("most-recent-document");
            xml.writeAttribute("publication-number", stats.lastDayNumber);
            xml.writeAttribute("publication-date", stats.lastDate().orElseThrow().format(BASIC));
            line();
        }
        xml.writeStartElement("data-coverage");
        line();
        if (stats.firstDate().isPresent()) {
            xml.writeEmptyElement("publication-date-range");
            xml.writeAttribute("start-date", stats.firstDate().get().format(BASIC));
            xml.writeAttribute("end-date", stats.lastDate().orElseThrow().format(BASIC));
            line();
        }
        if (stats.lowestNumber != null) {
            xml.writeEmptyElement("publication-number-range");
            xml.writeAttribute("begin-range-number", stats.lowestNumber);
            xml.writeAttribute("end-range-number", stats.highestNumber);
            line();
        }
        coverage("kind-code-coverage", "kind", stats.kinds);
        coverage("exception-code-coverage", "exception-code", stats.exceptionCodes);
        xml.writeEndElement();
        line();
        xml.writeEndElement();
        line();
    }

    private void codes(String list, String definition, String code, String description, Map<String, String> codes)
            throws XMLStreamException {
        xml.writeStartElement(list);
        line();
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(codes).entrySet()) {
            xml.writeStartElement(definition);
            element(code, entry.getKey());
            element(description, entry.getValue());
            xml.writeEndElement();
            line();
        }
        xml.writeEndElement();
        line();
    }

    private void coverage(String name, String code, Map<String, Long> counts) throws XMLStreamException {
        xml.writeStartElement(name);
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            element(code, count.getKey());
            element("document-total-quantity", Long.toString(count.getValue()));
        }
        xml.writeEndElement();
        line();
    }

    @Override
    public void entry(AuthorityRow row) throws IOException {
        try {
            xml.writeStartElement("authority-file-entry");
            xml.writeStartElement("publication-reference");
            xml.writeStartElement("document-id");
            element("country", office);
            element("doc-number", row.docNumber());
            element("kind", row.kind());
            if (row.epochDay() != AuthorityRow.NO_DATE) {
                element("date", LocalDate.ofEpochDay(row.epochDay()).format(BASIC));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            if (row.exceptionCode() != null) {
                element("exception-code", row.exceptionCode());
            }
            xml.writeEndElement();
            line();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            xml.writeEndElement();
            line();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void line() throws XMLStreamException {
        xml.writeCharacters("\n");
    }
}
