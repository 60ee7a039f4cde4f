// Types of lu-integration-wizard (wizard-v1.min.js / wizard-v1.js). Licensed under the EUPL-1.2.
// Kept in step with the runtime by tests/wizard/test_api_docs.py (every attribute, event and
// member of the code must be declared here, in custom-elements.json and in the integrators' docs).

/** Answers as the URL state and the events carry them: question slug -> raw text. */
export type Answers = Record<string, string>;

export interface WizardEventDetail {
  /** The flow shown: "route", "permit" or "subsidy". */
  flow: string;
  /** The language shown: "fr", "de" or "en". */
  lang: string;
  /** Only with the share-answers attribute. */
  answers?: Answers;
}

export interface WizardReadyDetail extends WizardEventDetail {
  /** True when the first view came from the page address (url-state). */
  restored: boolean;
  /** The runtime's version. */
  version: string;
}

export interface WizardStepDetail extends WizardEventDetail {
  /** Slug of the question shown. */
  question: string;
  /** Its number, from 1. */
  step: number;
  /** True when shown from the page address (reload, Back/Forward), not by an answer. */
  restored: boolean;
}

export interface WizardOutcomeDetail extends WizardEventDetail {
  /** Slug of the result shown. */
  outcome: string;
  /** True when shown from the page address (reload, Back/Forward), not by an answer. */
  restored: boolean;
}

export interface WizardErrorDetail {
  /** The flow attribute as given. */
  flow: string | null;
  /** The language shown. */
  lang: string;
  /** Why: "network", "data", "version" (data format), "flow", "rules", "state" (unreadable link) or "lang" (unsupported language, French shown). */
  reason: "network" | "data" | "version" | "flow" | "rules" | "state" | "lang";
  /** The message shown, in the element's language. */
  message: string;
}

export interface EvaluationResult {
  outcome: string | null;
  question: string | null;
  path: string[];
  answers: Record<string, string | number>;
  values: Record<string, string | number>;
  notes: string[];
  error: string | null;
  dead_end: boolean;
}

/** <lu-integration-wizard flow="route" lang="en"></lu-integration-wizard> */
export declare class LuIntegrationWizard extends HTMLElement {
  /** The package version, e.g. "1.1.0". */
  static readonly version: string;
  static readonly observedAttributes: string[];
  /** The package version, also on each element. */
  readonly version: string;
  /** Mirror the attributes of the same name (flow, today, url-state, share-answers, heading-level, lang-links); lang is HTMLElement's own. */
  flow: string | null;
  today: string | null;
  urlState: boolean;
  shareAnswers: boolean;
  headingLevel: string | null;
  langLinks: string | null;
  /** Start again from the first question (the answers are forgotten). */
  restart(): void;
}

/** Where raw answers lead (the same evaluator as the Python one). */
export declare function evaluate(flow: object, answers: Answers, facts: Record<string, unknown>,
  params: { today?: string }): EvaluationResult;
/** Why a result: the answers that decided it and the rules-page link of its row. */
export declare function whyOf(data: object, result: EvaluationResult, answers: Answers, today: string,
  base: string): { items: [string, string][]; rule: number; href: string; assessed: string };
/** Read "wizard=<flow>&a=q:v,q:v" strictly; anything unknown or malformed is dropped. */
export declare function parseState(flow: object, text: string): Answers;
export declare function formatState(flow: object, answers: Answers, path: string[]): string;
export declare function formatValue(type: string, value: string | number, format: object): string;
export declare function parseAnswer(question: object, raw: string | number, ctx: object): string | number;
export declare function addMonths(iso: string, months: number): string;
export declare function isoValid(text: string): boolean;

declare global {
  interface HTMLElementTagNameMap {
    "lu-integration-wizard": LuIntegrationWizard;
  }
  interface HTMLElementEventMap {
    "lu-wizard-ready": CustomEvent<WizardReadyDetail>;
    "lu-wizard-step": CustomEvent<WizardStepDetail>;
    "lu-wizard-outcome": CustomEvent<WizardOutcomeDetail>;
    "lu-wizard-error": CustomEvent<WizardErrorDetail>;
  }
}
