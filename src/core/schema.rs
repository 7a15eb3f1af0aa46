//! The JSON Schema of the dataset format, generated from the Rust types so it cannot drift.

use super::model::Dataset;

/// Where the schema is published, beside the data it describes.
pub const SCHEMA_PATH: &str = "data/partnerships.schema.json";

/// The schema as the file holds it: pretty JSON with a trailing newline.
pub fn dataset_schema() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Dataset)).unwrap_or_default();
    if let Some(object) = schema.as_object_mut() {
        object.insert("title".into(), "Partner-city map dataset".into());
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
