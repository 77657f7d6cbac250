// The worker's globals in the frame iframe-worker-shim.js opens: from npm iframe-worker 1.0.4 (MIT, see
// iframe-worker-LICENSE.txt), where the shim wrote them as an inline script that a Content Security Policy refuses.
postMessage=function(s,n){parent.postMessage(s,n||"*")};importScripts=function(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),Promise.resolve())};addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:name,error}))});
