//! A rule kind's parameters: their declared types and defaults, and the values a rule
//! file gives them.

use std::collections::BTreeMap;

/// The type of a parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamType {
    /// `true` or `false`.
    Bool,
    /// An integer within bounds.
    Integer {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A number within bounds.
    Float {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// A list of strings.
    Strings,
    /// A list of lists of strings (`[["Nazarbayev", "Nazarbayeva"]]`).
    StringGroups,
    /// One string of a fixed set (`across = "story"`).
    Choice(&'static [&'static str]),
}

impl ParamType {
    /// How the type is named in docs and errors.
    pub fn describe(self) -> String {
        match self {
            ParamType::Bool => "a boolean".into(),
            ParamType::Integer { min, max } => format!("an integer from {min} to {max}"),
            ParamType::Float { min, max } => format!("a number from {min} to {max}"),
            ParamType::Strings => "an array of strings".into(),
            ParamType::StringGroups => "an array of arrays of strings".into(),
            ParamType::Choice(values) => format!(
                "one of {}",
                values
                    .iter()
                    .map(|v| format!("\"{v}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A parameter a rule kind accepts under `[params]`.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    /// Its key, kebab-case.
    pub name: &'static str,
    /// Its type.
    pub ty: ParamType,
    /// Its default, as TOML.
    pub default: &'static str,
    /// One line for `rules explain`.
    pub doc: &'static str,
}

/// A parameter's value.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// A boolean.
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A number.
    Float(f64),
    /// A list of strings.
    Strings(Vec<String>),
    /// A list of lists of strings.
    StringGroups(Vec<Vec<String>>),
    /// One string of a fixed set.
    Choice(String),
}

/// The parameters of one rule: each declared parameter's value, defaults filled in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub(crate) BTreeMap<&'static str, ParamValue>);

impl Params {
    /// The defaults of a kind's parameters.
    pub(crate) fn defaults(specs: &[ParamSpec]) -> Params {
        let mut map = BTreeMap::new();
        for spec in specs {
            let value = parse_default(spec);
            map.insert(spec.name, value);
        }
        Params(map)
    }

    /// A parameter's value.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0.get(name)
    }

    pub(crate) fn bool(&self, name: &str) -> bool {
        match self.0.get(name) {
            Some(ParamValue::Bool(b)) => *b,
            _ => unreachable!("parameter `{name}` is declared as a boolean"),
        }
    }

    pub(crate) fn int(&self, name: &str) -> i64 {
        match self.0.get(name) {
            Some(ParamValue::Integer(n)) => *n,
            _ => unreachable!("parameter `{name}` is declared as an integer"),
        }
    }

    pub(crate) fn float(&self, name: &str) -> f64 {
        match self.0.get(name) {
            Some(ParamValue::Float(x)) => *x,
            Some(ParamValue::Integer(n)) => *n as f64,
            _ => unreachable!("parameter `{name}` is declared as a number"),
        }
    }

    pub(crate) fn strings(&self, name: &str) -> &[String] {
        match self.0.get(name) {
            Some(ParamValue::Strings(v)) => v,
            _ => unreachable!("parameter `{name}` is declared as strings"),
        }
    }

    pub(crate) fn choice(&self, name: &str) -> &str {
        match self.0.get(name) {
            Some(ParamValue::Choice(v)) => v,
            _ => unreachable!("parameter `{name}` is declared as a choice"),
        }
    }

    pub(crate) fn groups(&self, name: &str) -> &[Vec<String>] {
        match self.0.get(name) {
            Some(ParamValue::StringGroups(v)) => v,
            _ => unreachable!("parameter `{name}` is declared as string groups"),
        }
    }
}

fn parse_default(spec: &ParamSpec) -> ParamValue {
    let doc = format!("v = {}", spec.default);
    let table: toml::Table = toml::from_str(&doc).expect("parameter defaults are valid TOML");
    let value = &table["v"];
    from_toml(value, spec.ty).expect("parameter defaults have their declared type")
}

/// Converts a parsed TOML value to a parameter's type, or says what was expected.
pub(crate) fn from_toml(value: &toml::Value, ty: ParamType) -> Result<ParamValue, String> {
    let wrong = || format!("expected {}", ty.describe());
    match ty {
        ParamType::Bool => value.as_bool().map(ParamValue::Bool).ok_or_else(wrong),
        ParamType::Integer { min, max } => {
            let n = value.as_integer().ok_or_else(wrong)?;
            if n < min || n > max {
                return Err(format!("{n} is out of range; {}", wrong()));
            }
            Ok(ParamValue::Integer(n))
        }
        ParamType::Float { min, max } => {
            let x = value
                .as_float()
                .or_else(|| value.as_integer().map(|n| n as f64))
                .ok_or_else(wrong)?;
            if !(min..=max).contains(&x) {
                return Err(format!("{x} is out of range; {}", wrong()));
            }
            Ok(ParamValue::Float(x))
        }
        ParamType::Strings => {
            let arr = value.as_array().ok_or_else(wrong)?;
            arr.iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(wrong))
                .collect::<Result<_, _>>()
                .map(ParamValue::Strings)
        }
        ParamType::Choice(values) => {
            let v = value.as_str().ok_or_else(wrong)?;
            if !values.contains(&v) {
                return Err(format!("`{v}` is not allowed; expected {}", ty.describe()));
            }
            Ok(ParamValue::Choice(v.to_owned()))
        }
        ParamType::StringGroups => {
            let arr = value.as_array().ok_or_else(wrong)?;
            arr.iter()
                .map(|group| {
                    group
                        .as_array()
                        .ok_or_else(wrong)?
                        .iter()
                        .map(|v| v.as_str().map(str::to_owned).ok_or_else(wrong))
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<_, _>>()
                .map(ParamValue::StringGroups)
        }
    }
}
