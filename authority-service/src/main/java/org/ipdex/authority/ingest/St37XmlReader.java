package org.ipdex.authority.ingest;

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
        // the JDK's own implementation, whatever else is on the class path, so that these settings are known to apply
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> new ByteArrayInputStream(new byte[0]));
        setIfSupported("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "64");
        setIfSupported("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "4096");
        setIfSupported("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "65536");
        setIfSupported("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "64");
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
            throw XmlRecordSource.malformed(e);
        }
    }

    private void setIfSupported(String property, String value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
