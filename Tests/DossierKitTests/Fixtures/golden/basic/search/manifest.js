window.DOSSIER_SEARCH = {"maxLength":40,"terms":[["","terms-a8100ae6aa19.js"]],"accountBits":0,"accounts":["accounts-0-0.js"]};
