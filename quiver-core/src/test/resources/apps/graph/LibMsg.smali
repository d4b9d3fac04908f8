.class public Lcom/lib/Msg;
.super Ljava/lang/Object;
.source "Msg.java"
