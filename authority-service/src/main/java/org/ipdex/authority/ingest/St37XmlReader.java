package org.ipdex.authority.ingest;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import jakarta.inject.Singleton;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * ST.37 XML, v2.x (the DTD layout) and v1.x, read as a stream (StAX): one entry in memory at a time.
 *
 * <p>Security: files carry {@code <!DOCTYPE authority-file SYSTEM "ST37AuthorityFile_V2-2.dtd">}; the DTD is
 * never loaded, external entities are never resolved (a resolver that answers nothing stands behind both switches,
 * in case an implementation ignores one), and entity expansion is limited. A file that references an entity it
 * could only get from a DTD is therefore not well-formed here and is rejected with its line number.
 */
@Singleton
final class St37XmlReader implements AuthorityFileReader {

    private final XMLInputFactory factory;

    St37XmlReader() {
        // Woodstox by name, not whatever XMLInputFactory.newFactory() finds, so that these settings are known to apply
        factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> new ByteArrayInputStream(new byte[0]));
        setIfSupported(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(WstxInputProperties.P_MAX_ENTITY_COUNT, 64L);
        setIfSupported(WstxInputProperties.P_MAX_ENTITY_DEPTH, 2);
        setIfSupported(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        setIfSupported(WstxInputProperties.P_MAX_TEXT_LENGTH, 1 << 20);
        setIfSupported(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1 << 16);
    }

    @Override
    public String layout() {
        return "st37-xml";
    }

    @Override
    public RecordSource open(InputStream in, ColumnMapping mapping) throws IOException {
        try {
            return new XmlRecordSource(factory.createXMLStreamReader(in), in);
        } catch (XMLStreamException e) {
            // nothing has been read yet but the XML declaration, on line 1
            throw XmlRecordSource.malformed(e, null);
        }
    }

    private void setIfSupported(String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
