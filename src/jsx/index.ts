// Entry of the ExtendScript bundle (dist/cep/jsx/index.js). Premiere evaluates it when the
// panel opens; it registers one dispatcher under a single global.
import { HOST_NAMESPACE } from "../lib/bridge/contract";
import { createDispatcher, type HostHandlers } from "./dispatch";
import { getProjectInfo } from "./host/project";

var handlers: HostHandlers = {
  getProjectInfo: getProjectInfo,
  ping: function (message: string) {
    return { message: message, receivedAt: new Date().toUTCString() };
  },
};

$.global[HOST_NAMESPACE] = { dispatch: createDispatcher(handlers) };
