package io.meshport.catalog;

/** Another product's output port, offered when connecting an input port. */
public record PortChoice(String productId, String productName, String portName, String portVersion, String contractId) {

    public String label() {
        return productName + " / " + portName + " " + portVersion + " (" + contractId + ")";
    }
}
