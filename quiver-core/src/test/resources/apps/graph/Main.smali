# The entry point: an Activity that is also a Runnable; onCreate reaches every package of the app.
.class public Lcom/app/Main;
.super Landroid/app/Activity;
.source "Main.java"

# interfaces
.implements Ljava/lang/Runnable;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    const/4 v0, 0x1
    invoke-static {v0}, Lcom/app/Util;->log(I)V
    const-string v1, "created"
    invoke-static {v1}, Lcom/app/Util;->log(Ljava/lang/String;)V
    invoke-static {v0}, Lcom/app/Util;->conv(I)I
    invoke-static {v0}, Lcom/app/Util;->conv(I)J
    new-instance v2, Lcom/app/net/Net;
    invoke-direct {v2}, Lcom/app/net/Net;-><init>()V
    invoke-virtual {v2, v1}, Lcom/app/net/Net;->fetch(Ljava/lang/String;)[B
    invoke-static {}, Lcom/evil/`A"b\c<d>{e}&	t‮x`;->`"q\n<b>{x}&lt;`()V
    invoke-virtual {p0}, Lcom/app/Main;->run()V
    return-void
.end method

.method public run()V
    .registers 2
    const-string v0, "https://example.com/"
    invoke-static {v0}, Lcom/app/Util;->send(Lcom/app/net/Msg;)V
    invoke-static {v0}, Lcom/app/Util;->send(Lcom/lib/Msg;)V
    return-void
.end method
