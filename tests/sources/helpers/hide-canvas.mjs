// Preload (`node --import`) that makes @napi-rs/canvas look uninstalled, as after
// `npm install --omit=optional`: for require() (pdfjs loads it so) and for import().
import Module, { register } from "node:module";

const HIDDEN = /^@napi-rs\/canvas(?:\/|$)/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function hideCanvas(request, ...rest) {
  if (HIDDEN.test(request)) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolveFilename.call(this, request, ...rest);
};

const hook = `export async function resolve(specifier, context, next) {
  if (/^@napi-rs\\/canvas(?:\\/|$)/.test(specifier)) {
    const error = new Error("Cannot find package '" + specifier + "'");
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
