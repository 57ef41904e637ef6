package org.dailypapers.ingest;

import javax.xml.stream.XMLInputFactory;

/**
 * XML readers for documents from other hosts (arXiv's OAI-PMH and Atom responses): no DTDs and no external
 * entities, so an XXE payload ({@code <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>}) can neither read
 * files nor reach the network; such a document fails to parse instead.
 */
public final class SafeXml {
    private SafeXml() {}

    /** A new StAX factory (factories are not guaranteed thread-safe to configure; readers it makes are per use). */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
