//! Console's OpenAPI document as a contract: which operation a request is, and
//! whether the request and its answer keep to that operation's parameters and
//! JSON schemas (JSON Schema 2020-12, which OpenAPI 3.1 schemas are).
//!
//! The simulator's `--openapi` checks and its conformance test both use this
//! module (through the crate's library), so what the test proves about the check
//! holds for the check the simulator runs.

use std::collections::BTreeMap;
use std::path::Path;

use jsonschema::{Registry, Validator};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The document's inline schemas are registered under this (never fetched) URI,
/// next to its `components`, so that every `#/components/schemas/X` resolves.
const BASE_URI: &str = "https://conduktor-console.invalid/api/public/docs/docs.yaml";

/// What part of an exchange broke the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// No operation of the document has this method and path.
    Operation,
    PathParameter,
    QueryParameter,
    RequestBody,
    ResponseStatus,
    ResponseBody,
}

/// One way a request or an answer breaks the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub part: Part,
    /// A JSON pointer into the checked JSON (a body), or `/<name>` of a parameter.
    pub pointer: String,
    pub what: String,
}

impl Violation {
    fn new(part: Part, pointer: impl Into<String>, what: impl Into<String>) -> Violation {
        Violation { part, pointer: pointer.into(), what: what.into() }
    }
}

enum Segment {
    Literal(String),
    Parameter(String),
}

struct Parameter {
    name: String,
    required: bool,
    schema: Option<Validator>,
}

struct RequestBody {
    required: bool,
    schema: Option<Validator>,
}

/// One operation of the document (a method on a path).
pub struct Operation {
    id: String,
    method: String,
    segments: Vec<Segment>,
    path_parameters: Vec<Parameter>,
    query_parameters: Vec<Parameter>,
    body: Option<RequestBody>,
    /// Status → the schema of its `application/json` answer, if it has one.
    responses: BTreeMap<u16, Option<Validator>>,
}

pub struct Contract {
    operations: Vec<Operation>,
}

impl Contract {
    /// Reads an OpenAPI 3.1 document (YAML or JSON). The error names the file.
    pub fn load(path: &Path) -> Result<Contract, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let document: Value =
            serde_norway::from_str(&text).map_err(|e| format!("{}: not a YAML document: {e}", path.display()))?;
        Contract::from_document(&document).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn from_document(document: &Value) -> Result<Contract, String> {
        let paths = document["paths"].as_object().ok_or("the document has no `paths`")?;
        // Every schema the operations use, compiled together once all are known.
        let mut schemas: Vec<Value> = Vec::new();
        let mut collect = |schema: Option<&Value>| -> Option<usize> {
            schema.map(|schema| {
                schemas.push(schema.clone());
                schemas.len() - 1
            })
        };
        // First pass: the operations, with indexes into `schemas` for their validators.
        let mut outlines = Vec::new();
        for (path, item) in paths {
            let Some(item) = item.as_object() else { continue };
            for (method, operation) in item {
                if !matches!(method.as_str(), "get" | "put" | "post" | "delete" | "patch" | "head" | "options") {
                    continue;
                }
                let id = operation["operationId"].as_str().unwrap_or(path).to_string();
                let mut parameters = Vec::new();
                let declared = item.get("parameters").and_then(Value::as_array).into_iter().flatten();
                for parameter in declared.chain(operation["parameters"].as_array().into_iter().flatten()) {
                    let parameter = resolve(document, parameter);
                    let name = parameter["name"].as_str().unwrap_or_default().to_string();
                    let location = parameter["in"].as_str().unwrap_or_default().to_string();
                    let required = parameter["required"].as_bool().unwrap_or(location == "path");
                    parameters.push((name, location, required, collect(parameter.get("schema"))));
                }
                let body = operation.get("requestBody").map(|body| {
                    let body = resolve(document, body);
                    let required = body["required"].as_bool().unwrap_or(false);
                    (required, collect(body["content"].get("application/json").and_then(|c| c.get("schema"))))
                });
                let mut responses = BTreeMap::new();
                for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                    let Ok(status) = status.parse::<u16>() else { continue };
                    let response = resolve(document, response);
                    let schema = response["content"].get("application/json").and_then(|c| c.get("schema"));
                    responses.insert(status, collect(schema));
                }
                outlines.push((path.clone(), method.to_uppercase(), id, parameters, body, responses));
            }
        }
        let mut validators: Vec<Option<Validator>> = compile(document, &schemas)?.into_iter().map(Some).collect();
        // Each index was handed out once.
        let mut take = |index: Option<usize>| index.and_then(|i| validators.get_mut(i).and_then(Option::take));
        let operations = outlines
            .into_iter()
            .map(|(path, method, id, parameters, body, responses)| {
                let (mut path_parameters, mut query_parameters) = (Vec::new(), Vec::new());
                for (name, location, required, schema) in parameters {
                    let parameter = Parameter { name, required, schema: take(schema) };
                    match location.as_str() {
                        "path" => path_parameters.push(parameter),
                        "query" => query_parameters.push(parameter),
                        _ => {}
                    }
                }
                Operation {
                    id,
                    method,
                    segments: template(&path),
                    path_parameters,
                    query_parameters,
                    body: body.map(|(required, schema)| RequestBody { required, schema: take(schema) }),
                    responses: responses.into_iter().map(|(status, schema)| (status, take(schema))).collect(),
                }
            })
            .collect();
        Ok(Contract { operations })
    }

    /// The operation with this method and path (the document's own paths, e.g.
    /// `/public/console/v2/kafka-cluster`), and the path's parameters, decoded.
    pub fn operation(&self, method: &str, path: &str) -> Option<(&Operation, BTreeMap<String, String>)> {
        let parts: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        self.operations
            .iter()
            .filter(|op| op.method.eq_ignore_ascii_case(method) && op.segments.len() == parts.len())
            .find_map(|op| op.bind(&parts).map(|values| (op, values)))
    }

    /// Every check of one exchange: the request, then (when it names an operation)
    /// the answer. `response` is `(status, content type, body)`.
    pub fn check_exchange(
        &self,
        request: &Request<'_>,
        response: Option<(u16, Option<&str>, &[u8])>,
    ) -> (Option<&str>, Vec<Violation>) {
        let Some((operation, path_values)) = self.operation(request.method, request.path) else {
            let what = format!("no operation of the document is {} {}", request.method, request.path);
            return (None, vec![Violation::new(Part::Operation, "", what)]);
        };
        let mut violations = operation.check_request(&path_values, request);
        if let Some((status, content_type, body)) = response {
            violations.extend(operation.check_response(status, content_type, body));
        }
        (Some(operation.id()), violations)
    }
}

/// A request as the contract sees it.
pub struct Request<'a> {
    pub method: &'a str,
    /// The document's path (without Console's `/api` prefix), not decoded.
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
}

impl Operation {
    pub fn id(&self) -> &str {
        &self.id
    }

    fn bind(&self, parts: &[&str]) -> Option<BTreeMap<String, String>> {
        let mut values = BTreeMap::new();
        for (segment, part) in self.segments.iter().zip(parts) {
            match segment {
                Segment::Literal(literal) if literal == part => {}
                Segment::Parameter(name) if !part.is_empty() => {
                    let decoded = percent_encoding::percent_decode_str(part).decode_utf8_lossy().into_owned();
                    values.insert(name.clone(), decoded);
                }
                _ => return None,
            }
        }
        Some(values)
    }

    /// Path and query parameters, and the JSON body.
    pub fn check_request(&self, path_values: &BTreeMap<String, String>, request: &Request<'_>) -> Vec<Violation> {
        let mut violations = Vec::new();
        for parameter in &self.path_parameters {
            if let Some(value) = path_values.get(&parameter.name) {
                parameter.check(Part::PathParameter, value, &mut violations);
            }
        }
        let query: Vec<(String, String)> =
            form_urlencoded::parse(request.query.unwrap_or("").as_bytes()).into_owned().collect();
        for (name, value) in &query {
            match self.query_parameters.iter().find(|p| &p.name == name) {
                Some(parameter) => parameter.check(Part::QueryParameter, value, &mut violations),
                None => violations.push(Violation::new(
                    Part::QueryParameter,
                    format!("/{name}"),
                    format!("the operation has no query parameter {name:?}"),
                )),
            }
        }
        for parameter in self.query_parameters.iter().filter(|p| p.required) {
            if !query.iter().any(|(name, _)| name == &parameter.name) {
                let what = format!("the required query parameter {:?} is missing", parameter.name);
                violations.push(Violation::new(Part::QueryParameter, format!("/{}", parameter.name), what));
            }
        }
        self.check_request_body(request, &mut violations);
        violations
    }

    fn check_request_body(&self, request: &Request<'_>, violations: &mut Vec<Violation>) {
        let Some(body) = &self.body else {
            if !request.body.is_empty() {
                violations.push(Violation::new(Part::RequestBody, "", "a body on an operation that takes none"));
            }
            return;
        };
        if request.body.is_empty() {
            if body.required {
                violations.push(Violation::new(Part::RequestBody, "", "the required JSON body is missing"));
            }
            return;
        }
        if !is_json(request.content_type) {
            let what = format!("Content-Type {:?} where the operation takes application/json", request.content_type);
            violations.push(Violation::new(Part::RequestBody, "", what));
        }
        match serde_json::from_slice::<Value>(request.body) {
            Ok(json) => violations.extend(validate(body.schema.as_ref(), &json, Part::RequestBody, false)),
            Err(e) => violations.push(Violation::new(Part::RequestBody, "", format!("not JSON: {e}"))),
        }
    }

    /// The status must be one the operation documents, and a JSON answer must
    /// validate against that status's schema. Instance values are masked in the
    /// messages: answers carry credentials (a cluster's `properties`).
    pub fn check_response(&self, status: u16, content_type: Option<&str>, body: &[u8]) -> Vec<Violation> {
        let Some(schema) = self.responses.get(&status) else {
            let documented: Vec<String> = self.responses.keys().map(u16::to_string).collect();
            let what = format!("status {status} is not one of the operation's answers ({})", documented.join(", "));
            return vec![Violation::new(Part::ResponseStatus, "", what)];
        };
        let Some(schema) = schema else { return vec![] };
        let mut violations = Vec::new();
        if !is_json(content_type) {
            let what = format!("Content-Type {content_type:?} where the operation answers application/json");
            violations.push(Violation::new(Part::ResponseBody, "", what));
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(json) => violations.extend(validate(Some(schema), &json, Part::ResponseBody, true)),
            Err(e) => violations.push(Violation::new(Part::ResponseBody, "", format!("not JSON: {e}"))),
        }
        violations
    }

    /// Checks an answer already parsed (the conformance test's entry point).
    pub fn check_response_json(&self, status: u16, json: &Value) -> Vec<Violation> {
        match self.responses.get(&status) {
            Some(schema) => validate(schema.as_ref(), json, Part::ResponseBody, true),
            None => self.check_response(status, Some("application/json"), b""),
        }
    }
}

impl Parameter {
    fn check(&self, part: Part, value: &str, violations: &mut Vec<Violation>) {
        for mut violation in validate(self.schema.as_ref(), &Value::String(value.to_string()), part, false) {
            violation.pointer = format!("/{}", self.name);
            violations.push(violation);
        }
    }
}

fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|c| {
        let essence = c.split(';').next().unwrap_or("").trim();
        essence.eq_ignore_ascii_case("application/json")
    })
}

/// The schema's verdict on `json`. `mask` hides instance values in the messages.
fn validate(schema: Option<&Validator>, json: &Value, part: Part, mask: bool) -> Vec<Violation> {
    let Some(schema) = schema else { return vec![] };
    schema
        .iter_errors(json)
        .map(|error| {
            let what = if mask { error.masked().to_string() } else { error.to_string() };
            Violation::new(part, error.instance_path().as_str(), shorten(what))
        })
        .collect()
}

/// Messages stay readable: an unmasked instance can be a whole page.
fn shorten(mut text: String) -> String {
    const MAX: usize = 300;
    if text.len() > MAX {
        let cut = (0..=MAX).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// A `$ref` to a response, parameter or request body of the document's
/// `components`; anything else as it is.
fn resolve<'a>(document: &'a Value, item: &'a Value) -> &'a Value {
    match item["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => document.pointer(pointer).unwrap_or(item),
        None => item,
    }
}

fn template(path: &str) -> Vec<Segment> {
    path.trim_start_matches('/')
        .split('/')
        .map(|segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) => Segment::Parameter(name.to_string()),
            None => Segment::Literal(segment.to_string()),
        })
        .collect()
}

/// One registry holds the document's `components` and every inline schema under
/// `$defs/<n>`; each validator is a `$ref` into it.
fn compile(document: &Value, schemas: &[Value]) -> Result<Vec<Validator>, String> {
    let defs: Map<String, Value> =
        schemas.iter().enumerate().map(|(index, schema)| (index.to_string(), schema.clone())).collect();
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": document.get("components").cloned().unwrap_or(json!({})),
        "$defs": defs,
    });
    let registry = Registry::new()
        .add(BASE_URI, root)
        .and_then(|builder| builder.prepare())
        .map_err(|e| format!("the document's schemas do not load: {e}"))?;
    (0..schemas.len())
        .map(|index| {
            jsonschema::draft202012::options()
                .with_registry(&registry)
                .should_validate_formats(true)
                .build(&json!({ "$ref": format!("{BASE_URI}#/$defs/{index}") }))
                .map_err(|e| format!("schema {index} does not compile: {e}"))
        })
        .collect()
}
